# Float literals.
print(1.0, 1., .5, 0.5e1)  # expect: 1.0 1.0 0.5 5.0
print(1e3, 1E-3, 1_000.000_1)  # expect: 1000.0 0.001 1000.0001
print(3.14e+2, 2.5e-1)  # expect: 314.0 0.25
print(1e100)  # expect: 1e+100
print(0.0, -0.0)  # expect: 0.0 -0.0
print(1e308 * 10)  # expect: inf
print(type(1e0).__name__, type(1).__name__)  # expect: float int
print(0.1 + 0.2)  # expect: 0.30000000000000004
print(123456789.0, 1234567890123456789.0)  # expect: 123456789.0 1.2345678901234568e+18
