"""Helpers for the select and selectors tests: a file object made of a
descriptor and a name, and a way to print what a call raises."""


class FileObject:
    """Anything with a fileno() method is a file object to select; this one
    prints as <name>, so outputs do not depend on descriptor numbers. Once
    closed (fd None), fileno() fails as a closed file's does."""

    def __init__(self, fd, name):
        self.fd = fd
        self.name = name

    def fileno(self):
        if self.fd is None:
            raise ValueError("I/O operation on closed file")
        return self.fd

    def __repr__(self):
        return "<%s>" % self.name


def attempt(f, hide=()):
    """Prints f()'s result, or the type and message of what it raises, with
    each descriptor in `hide` (a dict fd -> text) replaced by its text."""
    try:
        print(repr(f()))
    except Exception as e:
        message = str(e)
        for fd, text in dict(hide).items():
            message = message.replace(str(fd), text)
        print(type(e).__name__, message)
