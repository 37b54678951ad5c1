"""(placeholder while the filter is written)"""

NAME = "furniture"


def run(page, config):
    return page, []
