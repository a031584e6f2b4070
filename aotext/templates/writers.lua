-- aotext's second pandoc filter, run after handout.lua: what pandoc's
-- writers would get wrong in one output format, set right for it (Typst's
-- quotes and pictures' descriptions, Word's, a web page's wide tables).

-- pandoc's Typst writer turns a right single quote into a straight one,
-- which Typst's smart quotes then curl the wrong way after a full stop
-- (‘organizing.‘): the quote mark goes to Typst as it was typed.
local RIGHT_QUOTE = "\u{2019}"

local function keep_right_quotes(str)
  if FORMAT ~= "typst" or not str.text:find(RIGHT_QUOTE, 1, true) then
    return nil
  end
  local pieces, rest = pandoc.List({}), str.text
  local at = rest:find(RIGHT_QUOTE, 1, true)
  while at do
    if at > 1 then
      pieces:insert(pandoc.Str(rest:sub(1, at - 1)))
    end
    pieces:insert(pandoc.RawInline("typst", RIGHT_QUOTE))
    rest = rest:sub(at + #RIGHT_QUOTE)
    at = rest:find(RIGHT_QUOTE, 1, true)
  end
  if rest ~= "" then
    pieces:insert(pandoc.Str(rest))
  end
  return pieces
end

-- pandoc's Typst writer leaves out a picture's alternative text, which a
-- tagged PDF (PDF/UA-1) must have: pictures go to Typst with theirs. A
-- figure's is its fig-alt, else its caption; an inline picture's, its
-- description.
local function typst_string(text)
  return '"' .. text:gsub("\\", "\\\\"):gsub('"', '\\"') .. '"'
end

local function typst_image(image, alt)
  local args = { typst_string(image.src) }
  if image.attributes.width then
    args[#args + 1] = "width: " .. image.attributes.width:gsub("%%$", "%%")
  end
  args[#args + 1] = "alt: " .. typst_string(alt)
  return "image(" .. table.concat(args, ", ") .. ")"
end

local function typst_inlines(inlines)
  return pandoc.write(pandoc.Pandoc({ pandoc.Plain(inlines) }), "typst"):gsub("%s+$", "")
end

local function figure_with_alt(figure)
  if FORMAT == "docx" then
    -- Word reads a picture's description from its words: the fig-alt, when there is one.
    return figure:walk({ Image = function(image)
      if image.attributes["fig-alt"] then
        image.caption = { pandoc.Str(image.attributes["fig-alt"]) }
        return image
      end
    end })
  end
  if FORMAT ~= "typst" then
    return nil
  end
  local image = nil
  figure:walk({ Image = function(found) image = image or found end })
  if image == nil then
    return nil
  end
  local caption = pandoc.utils.stringify(figure.caption.long)
  local alt = image.attributes["fig-alt"] or (caption ~= "" and caption) or pandoc.utils.stringify(image.caption)
  local body = "#figure(" .. typst_image(image, alt)
  if caption ~= "" then
    body = body .. ", caption: [" .. typst_inlines(pandoc.utils.blocks_to_inlines(figure.caption.long)) .. "]"
  end
  return pandoc.RawBlock("typst", body .. ")")
end

local function image_with_alt(image)
  if FORMAT ~= "typst" then
    return nil
  end
  return pandoc.RawInline("typst", "#box(" .. typst_image(image, pandoc.utils.stringify(image.caption)) .. ")")
end

-- A table wider than a phone's screen scrolls sideways (page.css): on a web
-- page it can take the keyboard's focus, so that it can be scrolled without a mouse.
-- One with a row of headings stacks instead on a phone (page.css's "stack"):
-- each body cell carries its column's name, which page.css prints above it.
local function scrollable_table(table)
  if not FORMAT:match("html") then
    return nil
  end
  table.attributes["tabindex"] = "0"
  local head = table.head.rows[1]
  if head == nil or #table.head.rows > 1 then
    return table
  end
  local names = {}
  for _, cell in ipairs(head.cells) do
    if cell.col_span ~= 1 then
      return table  -- a heading over several columns names no one cell
    end
    names[#names + 1] = pandoc.utils.stringify(cell.contents)
  end
  table.classes:insert("stack")
  for _, body in ipairs(table.bodies) do
    for _, row in ipairs(body.body) do
      local column = 1
      for _, cell in ipairs(row.cells) do
        if names[column] and names[column] ~= "" then
          cell.attributes["data-label"] = names[column]
        end
        column = column + cell.col_span
      end
    end
  end
  return table
end

-- pandoc's Typst writer escapes a "-", "+", "=", "/" or "1." that starts a
-- paragraph, but not one that starts a list item's or a table cell's text,
-- which Typst then reads as a list, a numbered list, a heading or a term
-- (a celebrated "- We won" as a list in the list): an empty Typst string
-- before it keeps it text.
local function keep_leading_marks(block)
  local first = block.content[1]
  if FORMAT ~= "typst" or first == nil or first.t ~= "Str"
      or not (first.text:match("^[-+=/]") or first.text:match("^%d+%.")) then
    return nil
  end
  block.content:insert(1, pandoc.RawInline("typst", '#""'))
  return block
end

return {
  { Table = scrollable_table },
  { Figure = figure_with_alt },  -- before the pictures inside figures are turned into Typst
  { Image = image_with_alt },
  { Str = keep_right_quotes },
  { Plain = keep_leading_marks, Para = keep_leading_marks },
}
