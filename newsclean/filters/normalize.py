"""(placeholder while the filter is written)"""

NAME = "normalize"


def run(page, config):
    return page, []
