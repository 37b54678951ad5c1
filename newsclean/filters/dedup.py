"""(placeholder while the filter is written)"""

NAME = "dedup"


def run(page, config):
    return page, []
