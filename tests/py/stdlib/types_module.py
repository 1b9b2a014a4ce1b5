# types: SimpleNamespace, MappingProxyType, type aliases, new_class.
import types
ns = types.SimpleNamespace(a=1, b=2)
print(ns, ns == types.SimpleNamespace(a=1, b=2), ns.a)  # expect: namespace(a=1, b=2) True 1
ns.c = 3; del ns.a
print(ns)  # expect: namespace(b=2, c=3)
m = types.MappingProxyType({'x': 1})
print(m, repr(m), m['x'], len(m), 'x' in m, list(m.items()))  # expect: {'x': 1} mappingproxy({'x': 1}) 1 1 True [('x', 1)]
try: m['y'] = 2
except TypeError as e: print(e)  # expect: 'mappingproxy' object does not support item assignment
print(types.FunctionType, types.GeneratorType, types.ModuleType, types.BuiltinFunctionType, types.MethodType, types.LambdaType)  # expect: <class 'function'> <class 'generator'> <class 'module'> <class 'builtin_function_or_method'> <class 'method'> <class 'function'>
C = types.new_class('C', (object,), {}, lambda ns: ns.update(x=5))
print(C.x, C.__name__)  # expect: 5 C
