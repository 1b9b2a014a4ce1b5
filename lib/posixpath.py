"""Path operations for POSIX (os.path), as CPython's posixpath."""

import _os

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    method = getattr(type(p), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)
    return method(p)


def _mode(p, follow=True):
    try:
        return _os.stat(p, follow)[0]
    except (OSError, ValueError):
        return None


def exists(p):
    return _mode(p) is not None


def lexists(p):
    return _mode(p, False) is not None


def isfile(p):
    m = _mode(p)
    return m is not None and (m & _S_IFMT) == _S_IFREG


def isdir(p):
    m = _mode(p)
    return m is not None and (m & _S_IFMT) == _S_IFDIR


def islink(p):
    m = _mode(p, False)
    return m is not None and (m & _S_IFMT) == _S_IFLNK


def ismount(p):
    return abspath(p) == '/'


def getsize(p):
    return _os.stat(p, True)[6]


def getmtime(p):
    return _os.stat(p, True)[11]


def getatime(p):
    return _os.stat(p, True)[10]


def getctime(p):
    return _os.stat(p, True)[12]


def isabs(s):
    s = _fspath(s)
    return s.startswith('/')


def join(a, *p):
    a = _fspath(a)
    path = a
    for b in p:
        b = _fspath(b)
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    return p[i:]


def dirname(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def normpath(path):
    path = _fspath(path)
    if path == '':
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _fspath(path)
    if not path.startswith('/'):
        path = join(_os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    r = _os._realpath(filename)
    if r is not None:
        return r
    # A path that does not exist (yet): resolve the part that does.
    head, tail = split(abspath(filename))
    if head == filename or not tail:
        return abspath(filename)
    return join(realpath(head), tail)


def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    if start is None:
        start = curdir
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    split_paths = [p.split('/') for p in paths]
    isabs_ = {p.startswith('/') for p in paths}
    if len(isabs_) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != '.'] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = '/' if paths[0].startswith('/') else ''
    return prefix + '/'.join(common)


def expanduser(path):
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i == 1:
        userhome = _os._environ().get('HOME')
        if userhome is None:
            return path
    else:
        name = path[1:i]
        userhome = None
        try:
            with open('/etc/passwd') as f:
                for line in f:
                    fields = line.split(':')
                    if fields[0] == name and len(fields) > 5:
                        userhome = fields[5]
                        break
        except OSError:
            pass
        if userhome is None:
            return path
    userhome = userhome.rstrip('/')
    return (userhome + path[i:]) or '/'


def expandvars(path):
    path = _fspath(path)
    if '$' not in path:
        return path
    env = _os._environ()
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c == '$' and i + 1 < n:
            if path[i + 1] == '{':
                j = path.find('}', i + 2)
                if j < 0:
                    out.append(path[i:])
                    break
                name = path[i + 2:j]
                out.append(env.get(name, path[i:j + 1]))
                i = j + 1
                continue
            j = i + 1
            while j < n and (path[j].isalnum() or path[j] == '_'):
                j += 1
            if j > i + 1:
                name = path[i + 1:j]
                out.append(env.get(name, path[i:j]))
                i = j
                continue
        out.append(c)
        i += 1
    return ''.join(out)


def samefile(f1, f2):
    s1 = _os.stat(f1, True)
    s2 = _os.stat(f2, True)
    return s1[1] == s2[1] and s1[2] == s2[2]
