"""(placeholder while the filter is written)"""

NAME = "script"


def run(page, config):
    return page, []
