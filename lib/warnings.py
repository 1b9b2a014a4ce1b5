"""Warning control, for gilvm.

gilvm has no frame introspection (no sys._getframe, no tracebacks on
exceptions), so warn() cannot find the file and line of its caller. It does
what CPython does when the frame is not found: the warning is attributed to
file 'sys', line 1, module 'sys', and printed as

    sys:1: UserWarning: message

without a source line; stacklevel is accepted and ignored. Because every
warn() call has the same location, the 'default' action shows a given
message and category once (CPython: once per location). warn_explicit()
takes a real file and line and prints the source line as CPython does.

The message and module patterns of filterwarnings() are regular
expressions; without a re module, a small subset is understood here:
literal text, '.', '*', '+', '?', '\\' escapes and a final '$' or '\\Z'.
"""

import sys

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning',
           'filterwarnings', 'simplefilter', 'resetwarnings', 'catch_warnings']


# ---------------------------------------------------------------------------
# Categories: the ones gilvm does not build in are made here, with CPython's
# hierarchy, and put in builtins so that they are found by name as in CPython.

def _builtin_categories():
    import builtins
    for name, base in (('Warning', Exception), ('UserWarning', 'Warning'),
                       ('DeprecationWarning', 'Warning'),
                       ('PendingDeprecationWarning', 'Warning'),
                       ('SyntaxWarning', 'Warning'), ('RuntimeWarning', 'Warning'),
                       ('FutureWarning', 'Warning'), ('ImportWarning', 'Warning'),
                       ('UnicodeWarning', 'Warning'), ('BytesWarning', 'Warning'),
                       ('ResourceWarning', 'Warning'), ('EncodingWarning', 'Warning')):
        if not hasattr(builtins, name):
            if isinstance(base, str):
                base = getattr(builtins, base)
            setattr(builtins, name, type(name, (base,), {'__module__': 'builtins'}))


_builtin_categories()
del _builtin_categories


# ---------------------------------------------------------------------------
# Patterns

def _match_here(pat, i, text, j, icase):
    """Does pat[i:] match a prefix of text[j:]? (anchored at the start)."""
    while i < len(pat):
        c = pat[i]
        if c == '$' and i == len(pat) - 1:
            return j == len(text)
        if c == '\\' and pat[i + 1:i + 2] == 'Z' and i + 2 == len(pat):
            return j == len(text)
        if c == '\\' and i + 1 < len(pat):
            atom = pat[i + 1]
            literal = True
            i += 2
        else:
            atom = c
            literal = c != '.'
            i += 1
        rep = pat[i] if i < len(pat) and pat[i] in '*+?' else ''
        if rep:
            i += 1

        def ok(k):
            if k >= len(text):
                return False
            if not literal:
                return True
            if icase:
                return text[k].lower() == atom.lower()
            return text[k] == atom

        if rep == '':
            if not ok(j):
                return False
            j += 1
            continue
        lo = 1 if rep == '+' else 0
        hi = 1 if rep == '?' else len(text) - j
        k = 0
        while k < hi and ok(j + k):
            k += 1
        while k >= lo:
            if _match_here(pat, i, text, j + k, icase):
                return True
            k -= 1
        return False
    return True


class _Pattern:
    def __init__(self, pattern, icase):
        self.pattern = pattern
        self.icase = icase

    def match(self, text):
        return _match_here(self.pattern, 0, text, 0, self.icase)

    def __repr__(self):
        return 're.compile(' + repr(self.pattern) + ')'


def _compile(pattern, icase):
    try:
        import re
    except ImportError:
        return _Pattern(pattern, icase)
    return re.compile(pattern, re.I if icase else 0)


# ---------------------------------------------------------------------------
# Showing warnings

class WarningMessage:
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file',
                        'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, '
                'line : %r}' % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


def _getline(filename, lineno):
    try:
        with open(filename, encoding='utf-8') as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line
    except (OSError, UnicodeDecodeError, TypeError, ValueError):
        pass
    return ''


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = '%s:%s: %s: %s\n' % (msg.filename, msg.lineno, category, msg.message)
    if msg.line is None:
        line = _getline(msg.filename, msg.lineno)
    else:
        line = msg.line
    if line:
        s += '  %s\n' % line.strip()
    return s


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning() prints for a warning."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno, None, line))


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes a warning to a file (sys.stderr by default)."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg(msg):
    # A replaced warnings.showwarning is honoured, as in CPython.
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError('warnings.showwarning() must be set to a function or method')
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


# ---------------------------------------------------------------------------
# Filters

filters = []
defaultaction = 'default'
onceregistry = {}
_filters_version = 1
_registries = {}

_ACTIONS = ('error', 'ignore', 'always', 'default', 'module', 'once')


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def filterwarnings(action, message='', category=Warning, module='', lineno=0,
                   append=False):
    """Adds a filter: action for warnings whose text matches message (a
    regular expression, case-insensitive), of category or a subclass, from a
    module matching module, at lineno (0: any)."""
    if action not in _ACTIONS:
        raise ValueError('invalid action: %r' % (action,))
    if not isinstance(message, str):
        raise TypeError('message must be a string')
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise TypeError('category must be a Warning subclass')
    if not isinstance(module, str):
        raise TypeError('module must be a string')
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError('lineno must be an int >= 0')
    msg_re = _compile(message, True) if message else None
    mod_re = _compile(module, False) if module else None
    _add_filter(action, msg_re, category, mod_re, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Adds a filter on the category alone."""
    if action not in _ACTIONS:
        raise ValueError('invalid action: %r' % (action,))
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError('lineno must be an int >= 0')
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Removes every filter."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    pass


# ---------------------------------------------------------------------------
# Issuing warnings

def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning (see the module docstring for where it is placed)."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    registry = _registries.setdefault('sys', {})
    warn_explicit(message, category, 'sys', 1, 'sys', registry, None, source)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or msg.match(text))
                and issubclass(category, cat)
                and (mod is None or mod.match(module))
                and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == 'always':
        pass
    elif action == 'module':
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == 'default':
        registry[key] = 1
    else:
        raise RuntimeError('Unrecognized action (%r) in warnings.filters:\n %s'
                           % (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


class catch_warnings:
    """Saves the filters and showwarning on entry and restores them on exit.
    With record=True, warnings are not shown but appended to the list that
    __enter__ returns. action (and category, lineno, append) applies a
    simplefilter() on entry."""

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        if self._module is not sys.modules['warnings']:
            args.append('module=%r' % self._module)
        return '%s(%s)' % (type(self).__name__, ', '.join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        m = self._module
        self._filters = m.filters
        m.filters = self._filters[:]
        m._filters_mutated()
        self._showwarning = m.showwarning
        self._showwarnmsg_impl = m._showwarnmsg_impl
        if self._filter is not None:
            m.simplefilter(*self._filter)
        if self._record:
            log = []
            m._showwarnmsg_impl = log.append
            m.showwarning = m._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        m = self._module
        m.filters = self._filters
        m._filters_mutated()
        m.showwarning = self._showwarning
        m._showwarnmsg_impl = self._showwarnmsg_impl


# The default filters of a CPython release build.
filterwarnings('default', category=DeprecationWarning, module='__main__', append=True)
simplefilter('ignore', category=DeprecationWarning, append=True)
simplefilter('ignore', category=PendingDeprecationWarning, append=True)
simplefilter('ignore', category=ImportWarning, append=True)
simplefilter('ignore', category=ResourceWarning, append=True)

