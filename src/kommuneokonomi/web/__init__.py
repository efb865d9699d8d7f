"""The REST API and the Danish web UI."""
