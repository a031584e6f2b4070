-- aotext's pandoc filter: one source, several readers.
--  * ::: facilitator blocks: removed for participants; a styled box for
--    facilitators and coordinators; speaker notes on slides.
--  * ::: {.answer-lines lines=N}: ruled lines to write an answer on.
--  * ::: question: a worksheet question kept on one page with its answer space.
--  * ::: page-break: a new page (a new slide needs none).
--  * ::: slide-body (slides only): the module body becomes an outline of its
--    sections on the slide, and its facilitator blocks the speaker notes.

local audience = "participant"

local function read_audience(meta)
  if meta.audience then
    audience = pandoc.utils.stringify(meta.audience)
  end
end

-- Blocks inside a Typst function call: opening is e.g. "#facilitator[".
local function in_typst(opening, content)
  local blocks = pandoc.Blocks({ pandoc.RawBlock("typst", opening) })
  blocks:extend(content)
  blocks:insert(pandoc.RawBlock("typst", "]"))
  return blocks
end

local function facilitator(div)
  if audience == "participant" then
    return {}
  end
  if FORMAT == "typst" then
    return in_typst("#facilitator[", div.content)
  end
  if FORMAT == "docx" then
    local label = pandoc.Para({ pandoc.Strong({ pandoc.Str("For facilitators") }) })
    local blocks = pandoc.Blocks({ label })
    blocks:extend(div.content)
    return pandoc.Div(blocks, pandoc.Attr("", {}, { ["custom-style"] = "Facilitator Note" }))
  end
  return div
end

local function answer_lines(div)
  local count = tonumber(div.attributes["lines"]) or 6
  if FORMAT == "typst" then
    return pandoc.RawBlock("typst", "#answerlines(" .. count .. ")")
  end
  local lines = pandoc.Blocks({})
  for _ = 1, count do
    if FORMAT == "docx" then
      lines:insert(pandoc.Para({ pandoc.Str("\u{00A0}") }))
    else
      lines:insert(pandoc.Para({ pandoc.Str(string.rep("_", 60)) }))
    end
  end
  if FORMAT == "docx" then
    return pandoc.Div(lines, pandoc.Attr("", {}, { ["custom-style"] = "Answer Line" }))
  end
  return lines
end

local function slide_body(div)
  local outline, notes = pandoc.List({}), pandoc.Blocks({})
  for _, block in ipairs(div.content) do
    if block.t == "Header" and block.level == 2 then
      outline:insert({ pandoc.Plain(block.content) })
    elseif block.t == "Div" and block.classes:includes("facilitator") then
      notes:extend(block.content)
    end
  end
  local blocks = pandoc.Blocks({})
  if #outline > 0 then
    blocks:insert(pandoc.BulletList(outline))
  end
  if #notes > 0 then
    blocks:insert(pandoc.Div(notes, pandoc.Attr("", { "notes" })))
  end
  return blocks
end

local function page_break()
  if FORMAT == "typst" then
    return pandoc.RawBlock("typst", "#pagebreak(weak: true)")
  end
  if FORMAT == "docx" then
    return pandoc.RawBlock("openxml", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
  end
  return {}
end

local function question(div)
  if FORMAT == "typst" then
    return in_typst("#block(breakable: false, width: 100%)[", div.content)
  end
  if FORMAT == "docx" then
    -- The prompt and hint keep with the answer lines that follow them.
    return pandoc.Div(div.content, pandoc.Attr("", {}, { ["custom-style"] = "Question" }))
  end
  return div.content
end

local function div(element)
  if element.classes:includes("question") then
    return question(element)
  end
  if element.classes:includes("page-break") then
    return page_break()
  end
  if element.classes:includes("facilitator") then
    return facilitator(element)
  end
  if element.classes:includes("answer-lines") then
    return answer_lines(element)
  end
end

-- Slide bodies first, so their facilitator blocks become notes, not boxes.
return {
  { Meta = read_audience },
  { Div = function(element) if element.classes:includes("slide-body") then return slide_body(element) end end },
  { Div = div },
}
