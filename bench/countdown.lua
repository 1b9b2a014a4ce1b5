-- Lua twin of countdown.py.
local function countdown(n)
  while n > 0 do
    n = n - 1
  end
  return n
end

local scale = tonumber(arg[1] or "1.0")
local n = math.floor(100000000 * scale)
local start = os.clock()
local left = countdown(n)
local elapsed = os.clock() - start
print("result: " .. n .. " " .. left)
if left ~= 0 then
  print("WRONG: countdown ended at " .. left)
  os.exit(1)
end
print(string.format("ok countdown(%d) %.3f s", n, elapsed))
