-- Lua twin of fib.py.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local scale = tonumber(arg[1] or "1.0")
local reps = math.max(1, math.floor(10 * scale + 0.5))
local start = os.clock()
local value
for _ = 1, reps do
  value = fib(30)
  if value ~= 832040 then
    print("WRONG: fib(30) = " .. value)
    os.exit(1)
  end
end
local elapsed = os.clock() - start
print("result: " .. reps .. " " .. value)
print(string.format("ok fib(30) x%d %.3f s", reps, elapsed))
