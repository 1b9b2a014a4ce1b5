-- Lua twin of dictstr.py (same checksum).
local WORDS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
               "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi"}

local function split(s, sep)
  local out = {}
  for piece in string.gmatch(s, "([^" .. sep .. "]+)") do out[#out + 1] = piece end
  return out
end

local function one_round(r)
  local lines = {}
  for i = 0, 999 do
    local a = WORDS[(i * 7 + r) % 16 + 1]
    local b = WORDS[(i * 3) % 16 + 1]
    lines[#lines + 1] = a .. " " .. b .. " " .. tostring(i % 97)
  end
  local counts = {}
  for _, line in ipairs(lines) do
    for _, word in ipairs(split(line, " ")) do
      counts[word] = (counts[word] or 0) + 1
    end
  end
  local keys, total = {}, 0
  for k, v in pairs(counts) do keys[#keys + 1] = k; total = total + v end
  if total ~= 3000 then
    print("WRONG: counted " .. total .. " words in round " .. r)
    os.exit(1)
  end
  table.sort(keys)
  local items = {}
  for _, k in ipairs(keys) do items[#items + 1] = {k, counts[k]} end
  table.sort(items, function(x, y)
    if x[2] ~= y[2] then return x[2] > y[2] end
    return x[1] < y[1]
  end)
  local joined = table.concat(keys, ",")
  return #keys + #joined + items[1][2] + #items[5][1] + #string.upper(lines[#lines])
end

local scale = tonumber(arg[1] or "1.0")
local rounds = math.max(1, math.floor(2000 * scale))
local start = os.clock()
local total = 0
for r = 0, rounds - 1 do total = total + one_round(r) end
local elapsed = os.clock() - start
print("result: " .. rounds .. " " .. total)
print(string.format("ok dictstr(%d) %.3f s", rounds, elapsed))
