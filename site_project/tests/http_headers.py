"""Reading the security headers the site sends, the way browsers do: by directive, in any order."""


def policy_directives(headers):
    """A Content-Security-Policy header as {directive: [sources]}."""
    parts = (part.split() for part in headers["Content-Security-Policy"].split(";") if part.strip())
    return {name: sources for name, *sources in parts}
