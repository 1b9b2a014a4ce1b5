"""Shallow and deep copies (CPython's copy, simplified: no copyreg)."""


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool,
           str, bytes, type, range, type(len), type(lambda: 0), frozenset)


def copy(x):
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is tuple:
        return x
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct_shallow(x)


def _new_like(x):
    cls = type(x)
    if isinstance(x, (list, dict, set, tuple)):
        return None
    return object.__new__(cls)


def _reconstruct_shallow(x):
    cls = type(x)
    if isinstance(x, list):
        y = cls(x)
    elif isinstance(x, dict):
        y = cls()
        y.update(x)
    elif isinstance(x, (set, tuple, frozenset)):
        y = cls(x)
    else:
        y = object.__new__(cls)
    state = getattr(x, '__dict__', None)
    if state:
        y.__dict__.update(state)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        y = []
        memo[d] = y
        _keep_alive(x, memo)
        for a in x:
            y.append(deepcopy(a, memo))
        return y
    if cls is dict:
        y = {}
        memo[d] = y
        _keep_alive(x, memo)
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
        return y
    if cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A tuple that refers to itself through a list was memoised meanwhile.
        if d in memo:
            return memo[d]
        for k, j in zip(x, items):
            if k is not j:
                y = tuple(items)
                break
        else:
            y = x
        memo[d] = y
        _keep_alive(x, memo)
        return y
    if cls is set:
        y = set()
        memo[d] = y
        _keep_alive(x, memo)
        for a in x:
            y.add(deepcopy(a, memo))
        return y
    if cls is bytearray:
        y = bytearray(x)
        memo[d] = y
        return y
    copier = getattr(x, '__deepcopy__', None)
    if copier is not None:
        y = copier(memo)
        memo[d] = y
        _keep_alive(x, memo)
        return y
    if isinstance(x, dict):
        y = cls()
        memo[d] = y
        _copy_state(x, y, memo)
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif isinstance(x, list):
        y = cls()
        memo[d] = y
        _copy_state(x, y, memo)
        for a in x:
            y.append(deepcopy(a, memo))
    elif isinstance(x, (tuple, set, frozenset)):
        y = cls([deepcopy(a, memo) for a in x])
        memo[d] = y
        _copy_state(x, y, memo)
    else:
        y = object.__new__(cls)
        memo[d] = y
        _copy_state(x, y, memo)
    _keep_alive(x, memo)
    return y


def _copy_state(x, y, memo):
    state = getattr(x, '__dict__', None)
    if state:
        for k, v in state.items():
            setattr(y, k, deepcopy(v, memo))


def _keep_alive(x, memo):
    # Keeps x alive while the memo lives, so its id() is not reused.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
