# selectors: the same script runs over every concrete selector. Keys,
# get_map(), modify, select with timeouts, and CPython's errors.
import os
import selectors
import time
from selectors import EVENT_READ, EVENT_WRITE

from _fileobjects import FileObject, attempt


def ready(sel, timeout=0):
    return sorted((key.fileobj.name, key.data, events) for key, events in sel.select(timeout))


print(EVENT_READ, EVENT_WRITE)  # expect: 1 2
print(selectors.DefaultSelector is selectors.EpollSelector)  # expect: True
k = selectors.SelectorKey("f", 3, EVENT_READ, None)
print(k)  # expect: SelectorKey(fileobj='f', fd=3, events=1, data=None)
print(k.fd, k._replace(data="x").data, tuple(k))  # expect: 3 x ('f', 3, 1, None)
attempt(selectors.BaseSelector)  # expect: TypeError Can't instantiate abstract class BaseSelector with abstract methods get_map, register, select, unregister

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    print("--", cls.__name__)
    r_fd, w_fd = os.pipe()
    reader, writer = FileObject(r_fd, "reader"), FileObject(w_fd, "writer")
    with cls() as sel:
        key = sel.register(reader, EVENT_READ, "r-data")
        print(key.fileobj, key.fd == r_fd, key.events, key.data)
        sel.register(writer, EVENT_WRITE)
        print(ready(sel))
        os.write(w_fd, b"ping")
        print(ready(sel, None))

        # get_map: a read-only mapping keyed by file object or descriptor,
        # iterating over descriptors.
        m = sel.get_map()
        print(len(m), sorted(m) == sorted([r_fd, w_fd]))
        print(m[reader].data, m[r_fd].fileobj, m.get(writer).events, m.get(99, "missing"))
        print(reader in m, r_fd in m, 99 in m)
        print(sorted(key.fileobj.name for key in m.values()))
        print(sorted((fd == key.fd, key.fileobj.name) for fd, key in m.items()))
        attempt(lambda: m[99])
        print(sel.get_key(writer).fileobj)
        attempt(lambda: sel.get_key(99))

        # modify: new events, new data, or both.
        key = sel.modify(reader, EVENT_READ, "new data")
        print(key.data, sel.get_key(reader).data)
        sel.modify(writer, EVENT_READ | EVENT_WRITE, "both")
        print(ready(sel))
        sel.modify(writer, EVENT_READ)
        print(ready(sel))
        print(os.read(r_fd, 100))
        print(ready(sel))
        start = time.monotonic()
        print(ready(sel, 0.05), 0.04 <= time.monotonic() - start < 2)
        print(ready(sel, -1))

        # Registration errors.
        attempt(lambda: sel.register(reader, EVENT_READ), {r_fd: "R"})
        attempt(lambda: sel.register(r_fd, EVENT_WRITE), {r_fd: "R"})
        attempt(lambda: sel.register(FileObject(w_fd + 100, "other"), 0))
        attempt(lambda: sel.register(FileObject(w_fd + 100, "other"), 4))
        attempt(lambda: sel.register("not a file", EVENT_READ))
        attempt(lambda: sel.register(-5, EVENT_READ))
        attempt(lambda: sel.modify(FileObject(w_fd + 100, "other"), EVENT_READ))
        attempt(lambda: sel.unregister(FileObject(w_fd + 100, "other")))

        print(sel.unregister(writer).fileobj, len(sel.get_map()))
        attempt(lambda: sel.unregister(writer))
        # Unregistering by descriptor finds the key registered by object.
        print(sel.unregister(r_fd).fileobj, len(sel.get_map()), ready(sel))
        # A descriptor may be registered again once unregistered.
        print(sel.register(r_fd, EVENT_READ).fileobj == r_fd)
    print(sel.get_map())
    attempt(lambda: sel.get_key(r_fd))
    os.close(r_fd)
    os.close(w_fd)
# expect: -- SelectSelector
# expect: <reader> True 1 r-data
# expect: [('writer', None, 2)]
# expect: [('reader', 'r-data', 1), ('writer', None, 2)]
# expect: 2 True
# expect: r-data <reader> 2 missing
# expect: True True False
# expect: ['reader', 'writer']
# expect: [(True, 'reader'), (True, 'writer')]
# expect: KeyError '99 is not registered'
# expect: <writer>
# expect: KeyError '99 is not registered'
# expect: new data new data
# expect: [('reader', 'new data', 1), ('writer', 'both', 2)]
# expect: [('reader', 'new data', 1)]
# expect: b'ping'
# expect: []
# expect: [] True
# expect: []
# expect: KeyError '<reader> (FD R) is already registered'
# expect: KeyError 'R (FD R) is already registered'
# expect: ValueError Invalid events: 0
# expect: ValueError Invalid events: 4
# expect: ValueError Invalid file object: 'not a file'
# expect: ValueError Invalid file descriptor: -5
# expect: KeyError '<other> is not registered'
# expect: KeyError '<other> is not registered'
# expect: <writer> 1
# expect: KeyError '<writer> is not registered'
# expect: <reader> 0 []
# expect: True
# expect: None
# expect: RuntimeError Selector is closed
# expect: -- PollSelector
# expect: <reader> True 1 r-data
# expect: [('writer', None, 2)]
# expect: [('reader', 'r-data', 1), ('writer', None, 2)]
# expect: 2 True
# expect: r-data <reader> 2 missing
# expect: True True False
# expect: ['reader', 'writer']
# expect: [(True, 'reader'), (True, 'writer')]
# expect: KeyError '99 is not registered'
# expect: <writer>
# expect: KeyError '99 is not registered'
# expect: new data new data
# expect: [('reader', 'new data', 1), ('writer', 'both', 2)]
# expect: [('reader', 'new data', 1)]
# expect: b'ping'
# expect: []
# expect: [] True
# expect: []
# expect: KeyError '<reader> (FD R) is already registered'
# expect: KeyError 'R (FD R) is already registered'
# expect: ValueError Invalid events: 0
# expect: ValueError Invalid events: 4
# expect: ValueError Invalid file object: 'not a file'
# expect: ValueError Invalid file descriptor: -5
# expect: KeyError '<other> is not registered'
# expect: KeyError '<other> is not registered'
# expect: <writer> 1
# expect: KeyError '<writer> is not registered'
# expect: <reader> 0 []
# expect: True
# expect: None
# expect: RuntimeError Selector is closed
# expect: -- EpollSelector
# expect: <reader> True 1 r-data
# expect: [('writer', None, 2)]
# expect: [('reader', 'r-data', 1), ('writer', None, 2)]
# expect: 2 True
# expect: r-data <reader> 2 missing
# expect: True True False
# expect: ['reader', 'writer']
# expect: [(True, 'reader'), (True, 'writer')]
# expect: KeyError '99 is not registered'
# expect: <writer>
# expect: KeyError '99 is not registered'
# expect: new data new data
# expect: [('reader', 'new data', 1), ('writer', 'both', 2)]
# expect: [('reader', 'new data', 1)]
# expect: b'ping'
# expect: []
# expect: [] True
# expect: []
# expect: KeyError '<reader> (FD R) is already registered'
# expect: KeyError 'R (FD R) is already registered'
# expect: ValueError Invalid events: 0
# expect: ValueError Invalid events: 4
# expect: ValueError Invalid file object: 'not a file'
# expect: ValueError Invalid file descriptor: -5
# expect: KeyError '<other> is not registered'
# expect: KeyError '<other> is not registered'
# expect: <writer> 1
# expect: KeyError '<writer> is not registered'
# expect: <reader> 0 []
# expect: True
# expect: None
# expect: RuntimeError Selector is closed
