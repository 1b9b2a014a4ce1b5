# os and os.path.
import os
import os.path
import tempfile

print(os.name, os.sep, repr(os.linesep), os.path is os.path, os.curdir, os.pardir)
# expect: posix / '\n' True . ..
print(isinstance(os.getpid(), int), os.getpid() > 0, os.cpu_count() >= 1, len(os.urandom(8)))
# expect: True True True 8
print(os.getcwd() == os.path.abspath('.'), os.path.isabs(os.getcwd()))
# expect: True True
os.environ['GILVM_TEST_VAR'] = 'hello'
print(os.environ['GILVM_TEST_VAR'], os.getenv('GILVM_TEST_VAR'), os.environ.get('GILVM_NOPE', 'dflt'))
# expect: hello hello dflt
print(os.getenv('GILVM_NOPE'), 'GILVM_TEST_VAR' in os.environ, isinstance(os.environ.get('PATH', ''), str))
# expect: None True True
del os.environ['GILVM_TEST_VAR']
print('GILVM_TEST_VAR' in os.environ)
# expect: False

print(os.path.join('a', 'b', 'c.txt'), os.path.join('/x', '/abs', 'y'), os.path.join('a/', 'b'))
# expect: a/b/c.txt /abs/y a/b
print(os.path.basename('/usr/lib/x.py'), os.path.dirname('/usr/lib/x.py'), os.path.split('/usr/lib/'))
# expect: x.py /usr/lib ('/usr/lib', '')
print(os.path.splitext('archive.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('noext'))
# expect: ('archive.tar', '.gz') ('.bashrc', '') ('noext', '')
print(os.path.normpath('a//b/./c/../d'), os.path.normpath('/../x'), os.path.normpath(''))
# expect: a/b/d /x .
print(os.path.abspath('/a/b/../c'), os.path.expanduser('~') == os.environ.get('HOME'), os.path.expanduser('x/~'))
# expect: /a/c True x/~
print(os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.relpath('/a/b/c', '/a'))
# expect: /usr/l b/c

base = tempfile.mkdtemp()
print(os.path.isdir(base), os.path.exists(base), os.path.isfile(base))
# expect: True True False
sub = os.path.join(base, 'one', 'two')
os.makedirs(sub)
os.makedirs(sub, exist_ok=True)
try:
    os.makedirs(sub)
except FileExistsError as err:
    print('FileExistsError', err.errno)
    # expect: FileExistsError 17
f = os.path.join(base, 'one', 'file.txt')
with open(f, 'w') as fh:
    fh.write('12345')
print(sorted(os.listdir(os.path.join(base, 'one'))), os.path.getsize(f), os.stat(f).st_size)
# expect: ['file.txt', 'two'] 5 5
st = os.stat(f)
print(st.st_mtime > 0, isinstance(st.st_mtime, float), st.st_size == st[6])
# expect: True True True
print(os.path.realpath(f) == os.path.realpath(os.path.join(sub, '..', 'file.txt')))
# expect: True
g = os.path.join(base, 'moved.txt')
os.rename(f, g)
print(os.path.exists(f), os.path.exists(g))
# expect: False True
walked = [(os.path.relpath(d, base), sorted(ds), sorted(fs)) for d, ds, fs in os.walk(base)]
print(walked)
# expect: [('.', ['one'], ['moved.txt']), ('one', ['two'], []), ('one/two', [], [])]
os.remove(g)
try:
    os.remove(g)
except FileNotFoundError as err:
    print(type(err).__name__, err.errno, err.filename == g)
    # expect: FileNotFoundError 2 True
try:
    os.rmdir(base)
except OSError as err:
    print(type(err).__name__, err.strerror)
    # expect: OSError Directory not empty
os.rmdir(sub)
os.rmdir(os.path.join(base, 'one'))
os.rmdir(base)
print(os.path.exists(base))
# expect: False
try:
    os.listdir('/definitely/not/here')
except FileNotFoundError as err:
    print(err)
    # expect: [Errno 2] No such file or directory: '/definitely/not/here'

from os.path import join as path_join
import os.path as osp
print(path_join('x', 'y'), osp is os.path)
# expect: x/y True
