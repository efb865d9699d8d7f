"""kommuneokonomi: the Danish municipal economy agreements as data, rules and text."""

__version__ = "0.1.0"
