-- What is for facilitators only, shared by aotext's pandoc filters
-- (slides.lua, handout.lua): the one place that decides it. A class that only looks like
-- "facilitator" (Facilitator, facilitators, facilitater, facilitator-notes
-- ...) is one too: lint reports the spelling, but until it is fixed no
-- participant reads those notes.

-- Edit distance (Levenshtein): a class two slips of the keyboard away from
-- "facilitator" is taken for it.
local function distance(a, b)
  local previous = {}
  for j = 0, #b do
    previous[j] = j
  end
  for i = 1, #a do
    local current = { [0] = i }
    for j = 1, #b do
      local substitution = previous[j - 1] + (a:sub(i, i) == b:sub(j, j) and 0 or 1)
      current[j] = math.min(previous[j] + 1, current[j - 1] + 1, substitution)
    end
    previous = current
  end
  return previous[#b]
end

local function looks_like_facilitator(class)
  local lowered = class:lower()
  if lowered:gsub("%A", ""):find("facilitat", 1, true) then
    return true
  end
  for word in lowered:gmatch("%a+") do
    if distance(word, "facilitator") <= 2 then
      return true
    end
  end
  return false
end

-- Anything with classes can be marked: a block, a phrase, a heading, a
-- table, code, a link, a picture (and the figure it makes), whatever other
-- classes it has beside (`{.slide .facilitator}`).
local function is_facilitator(element)
  for _, class in ipairs(element.classes or {}) do
    if looks_like_facilitator(class) then
      return true
    end
  end
  if element.t == "Figure" then  -- ![...](x.png){.facilitator} alone in its paragraph is a figure
    local marked = false
    element:walk({ Image = function(image) marked = marked or is_facilitator(image) end })
    return marked
  end
  return false
end

return is_facilitator
