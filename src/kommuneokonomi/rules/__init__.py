"""The rules as code: prices (PL), distribution of pools, sanctions and tax, each amount with a trace."""
