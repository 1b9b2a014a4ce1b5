"""JSON encoding for gilvm (written from the documented behaviour of CPython's json)."""

__all__ = ['JSONEncoder']

INFINITY = float('inf')

_BASIC_ESCAPES = {
    ord('"'): '\\"',
    ord('\\'): '\\\\',
    ord('\b'): '\\b',
    ord('\f'): '\\f',
    ord('\n'): '\\n',
    ord('\r'): '\\r',
    ord('\t'): '\\t',
}
for _i in range(0x20):
    _BASIC_ESCAPES.setdefault(_i, '\\u%04x' % _i)
del _i


class _AsciiTable(dict):
    """str.translate table escaping every character outside printable ASCII."""

    def __missing__(self, code):
        if 0x20 <= code < 0x7f:
            value = chr(code)
        elif code < 0x10000:
            value = '\\u%04x' % code
        else:
            c = code - 0x10000
            value = '\\u%04x\\u%04x' % (0xd800 | (c >> 10), 0xdc00 | (c & 0x3ff))
        self[code] = value
        return value


_ASCII_ESCAPES = _AsciiTable(_BASIC_ESCAPES)
_ASCII_ESCAPES[0x7f] = '\\u007f'


def py_encode_basestring(s):
    """Return a JSON representation of a Python string (non-ASCII kept)."""
    return '"' + s.translate(_BASIC_ESCAPES) + '"'


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    return '"' + s.translate(_ASCII_ESCAPES) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON encoder for Python data structures."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Override to return a serializable object for o (or raise TypeError)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of o."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self._chunks(o))

    def iterencode(self, o, _one_shot=False):
        """Encode o, yielding its JSON representation in pieces."""
        return iter(self._chunks(o))

    def _chunks(self, o):
        parts = []
        _encode_into(self, o, parts)
        return parts


def _encode_into(encoder, o, parts):
    markers = {} if encoder.check_circular else None
    str_encoder = encode_basestring_ascii if encoder.ensure_ascii else encode_basestring
    allow_nan = encoder.allow_nan
    default = encoder.default
    indent = encoder.indent
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    item_separator = encoder.item_separator
    key_separator = encoder.key_separator
    sort_keys = encoder.sort_keys
    skipkeys = encoder.skipkeys
    append = parts.append
    float_repr = float.__repr__
    int_repr = int.__repr__

    def floatstr(o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float_repr(o)
        if not allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def mark(o):
        # check_circular: o is being encoded until unmark(o).
        if markers is not None:
            marker = id(o)
            if marker in markers:
                raise ValueError('Circular reference detected')
            markers[marker] = o

    def unmark(o):
        if markers is not None:
            del markers[id(o)]

    def open_container(o, bracket, level):
        """Writes the opening bracket; returns the item separator and level."""
        mark(o)
        if indent is None:
            append(bracket)
            return item_separator, level
        level += 1
        newline_indent = '\n' + indent * level
        append(bracket + newline_indent)
        return item_separator + newline_indent, level

    def close_container(o, bracket, level):
        if indent is None:
            append(bracket)
        else:
            append('\n' + indent * (level - 1) + bracket)
        unmark(o)

    def enc(o, level):
        if isinstance(o, str):
            append(str_encoder(o))
        elif o is None:
            append('null')
        elif o is True:
            append('true')
        elif o is False:
            append('false')
        elif isinstance(o, int):
            append(int_repr(o))
        elif isinstance(o, float):
            append(floatstr(o))
        elif isinstance(o, (list, tuple)):
            if not o:
                append('[]')
                return
            sep, level = open_container(o, '[', level)
            first = True
            for value in o:
                if first:
                    first = False
                else:
                    append(sep)
                enc(value, level)
            close_container(o, ']', level)
        elif isinstance(o, dict):
            if not o:
                append('{}')
                return
            sep, level = open_container(o, '{', level)
            items = sorted(o.items()) if sort_keys else o.items()
            first = True
            for key, value in items:
                if isinstance(key, str):
                    pass
                elif isinstance(key, float):
                    key = floatstr(key)
                elif key is True:
                    key = 'true'
                elif key is False:
                    key = 'false'
                elif key is None:
                    key = 'null'
                elif isinstance(key, int):
                    key = int_repr(key)
                elif skipkeys:
                    continue
                else:
                    raise TypeError(f'keys must be str, int, float, bool or None, '
                                    f'not {key.__class__.__name__}')
                if first:
                    first = False
                else:
                    append(sep)
                append(str_encoder(key))
                append(key_separator)
                enc(value, level)
            close_container(o, '}', level)
        else:
            mark(o)
            enc(default(o), level)
            unmark(o)

    enc(o, 0)
