-- Lua twin of methods.py: metatables as classes.
local Vector = {}
Vector.__index = Vector
function Vector.new(x, y) return setmetatable({x = x, y = y}, Vector) end
function Vector:add(o) return Vector.new(self.x + o.x, self.y + o.y) end
function Vector:scale(k) return Vector.new(self.x * k, self.y * k) end
function Vector:dot(o) return self.x * o.x + self.y * o.y end

local Counter = {}
Counter.__index = Counter
function Counter.new() return setmetatable({count = 0}, Counter) end
function Counter:increment(by) self.count = self.count + by; return self.count end
function Counter:value() return self.count end

local scale = tonumber(arg[1] or "1.0")
local n = math.max(1, math.floor(2000000 * scale))
local start = os.clock()
local acc, step, counter = Vector.new(0, 0), Vector.new(1, 2), Counter.new()
for i = 0, n - 1 do
  acc = acc:add(step:scale(i % 3))
  counter:increment(acc:dot(step) % 7)
end
local elapsed = os.clock() - start
local s = (n // 3) * 3 + ({0, 0, 1})[n % 3 + 1]
print(string.format("result: %d %d %d %d", n, acc.x, acc.y, counter:value()))
if acc.x ~= s or acc.y ~= 2 * s then
  print("WRONG: acc")
  os.exit(1)
end
print(string.format("ok methods(%d) %.3f s", n, elapsed))
