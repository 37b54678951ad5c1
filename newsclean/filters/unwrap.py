"""(placeholder while the filter is written)"""

NAME = "unwrap"


def run(page, config):
    return page, []
