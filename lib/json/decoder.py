"""JSON decoding for gilvm (written from the documented behaviour of CPython's json)."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_SIMPLE_ESCAPES = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}
_CONSTANTS = {
    '-Infinity': float('-inf'),
    'Infinity': float('inf'),
    'NaN': float('nan'),
}


class JSONDecodeError(ValueError):
    """ValueError subclass with msg, doc, pos, lineno and colno attributes."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def _hex4(s, start, err_pos):
    """Value of the 4 hex digits at s[start:start+4] (the caller checked length)."""
    digits = s[start:start + 4]
    for ch in digits:
        if ch not in _HEX:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, err_pos)
    return int(digits, 16)


def scanstring(s, end, strict=True):
    """Decode the JSON string whose body starts at s[end] (just after the quote).

    Returns (str, index just after the closing quote).
    """
    begin = end - 1
    n = len(s)
    chunks = []
    append = chunks.append
    find = s.find
    while True:
        q = find('"', end)
        stop = q if q >= 0 else n
        b = find('\\', end, stop)
        if b >= 0:
            stop = b
        chunk = s[end:stop]
        if strict and not chunk.isprintable():
            i = end
            for ch in chunk:
                if ch <= '\x1f':
                    raise JSONDecodeError('Invalid control character at', s, i)
                i += 1
        if stop >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if chunk:
            append(chunk)
        if b < 0:
            # closing quote
            if len(chunks) == 1:
                return chunks[0], stop + 1
            return ''.join(chunks), stop + 1
        # backslash escape at index b
        nxt = b + 1
        if nxt >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[nxt]
        if esc != 'u':
            try:
                append(_SIMPLE_ESCAPES[esc])
            except KeyError:
                raise JSONDecodeError('Invalid \\escape', s, b) from None
            end = nxt + 1
            continue
        # \uXXXX
        end = nxt + 5
        if end >= n:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, nxt)
        c = _hex4(s, nxt + 1, nxt)
        if 0xd800 <= c <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            c2 = _hex4(s, end + 2, end + 1)
            if 0xdc00 <= c2 <= 0xdfff:
                c = 0x10000 + (((c - 0xd800) << 10) | (c2 - 0xdc00))
                end += 6
        append(chr(c))


class _Scanner:
    """Recursive-descent scanner holding the decoder's hooks."""

    def __init__(self, decoder):
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant

    def scan(self, s, idx):
        n = len(s)
        if idx >= n:
            raise JSONDecodeError('Expecting value', s, idx)
        ch = s[idx]
        if ch == '"':
            return scanstring(s, idx + 1, self.strict)
        if ch == '{':
            return self.parse_object(s, idx + 1)
        if ch == '[':
            return self.parse_array(s, idx + 1)
        if ch == 'n':
            if s.startswith('null', idx):
                return None, idx + 4
        elif ch == 't':
            if s.startswith('true', idx):
                return True, idx + 4
        elif ch == 'f':
            if s.startswith('false', idx):
                return False, idx + 5
        elif ch == 'N':
            if s.startswith('NaN', idx):
                return self.parse_constant('NaN'), idx + 3
        elif ch == 'I':
            if s.startswith('Infinity', idx):
                return self.parse_constant('Infinity'), idx + 8
        elif ch == '-':
            if s.startswith('-Infinity', idx):
                return self.parse_constant('-Infinity'), idx + 9
        return self.parse_number(s, idx, n)

    def parse_number(self, s, start, n):
        idx = start
        if s[idx] == '-':
            idx += 1
            if idx >= n:
                raise JSONDecodeError('Expecting value', s, start)
        ch = s[idx]
        if '1' <= ch <= '9':
            idx += 1
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
        elif ch == '0':
            idx += 1
        else:
            raise JSONDecodeError('Expecting value', s, start)
        is_float = False
        if idx + 1 < n and s[idx] == '.' and '0' <= s[idx + 1] <= '9':
            is_float = True
            idx += 2
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
        if idx + 1 < n and (s[idx] == 'e' or s[idx] == 'E'):
            e_start = idx
            idx += 1
            if s[idx] == '-' or s[idx] == '+':
                idx += 1
            digits_start = idx
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
            if idx > digits_start:
                is_float = True
            else:
                idx = e_start
        text = s[start:idx]
        if is_float:
            return self.parse_float(text), idx
        return self.parse_int(text), idx

    def parse_object(self, s, idx):
        n = len(s)
        pairs = []
        append = pairs.append
        while idx < n and s[idx] in _WS:
            idx += 1
        if idx >= n or s[idx] != '}':
            strict = self.strict
            scan = self.scan
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError(
                        'Expecting property name enclosed in double quotes', s, idx)
                key, idx = scanstring(s, idx + 1, strict)
                while idx < n and s[idx] in _WS:
                    idx += 1
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx += 1
                while idx < n and s[idx] in _WS:
                    idx += 1
                value, idx = scan(s, idx)
                append((key, value))
                while idx < n and s[idx] in _WS:
                    idx += 1
                if idx < n and s[idx] == '}':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx += 1
                while idx < n and s[idx] in _WS:
                    idx += 1
        idx += 1
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), idx
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, idx

    def parse_array(self, s, idx):
        n = len(s)
        values = []
        append = values.append
        while idx < n and s[idx] in _WS:
            idx += 1
        if idx >= n or s[idx] != ']':
            scan = self.scan
            while True:
                value, idx = scan(s, idx)
                append(value)
                while idx < n and s[idx] in _WS:
                    idx += 1
                if idx < n and s[idx] == ']':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx += 1
                while idx < n and s[idx] in _WS:
                    idx += 1
        return values, idx + 1


class JSONDecoder(object):
    """Simple JSON decoder (see the json module documentation)."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        """Return the Python representation of the JSON document s (a str)."""
        n = len(s)
        idx = 0
        while idx < n and s[idx] in _WS:
            idx += 1
        obj, end = self.raw_decode(s, idx)
        while end < n and s[end] in _WS:
            end += 1
        if end != n:
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document starting at s[idx]; return (object, end index)."""
        if idx < 0:
            raise JSONDecodeError('Expecting value', s, idx)
        return _Scanner(self).scan(s, idx)
