-- Personalised load: 200 users, a new question per request (no regenerations). Each wrk thread
-- seeds its own generator and numbers its questions, so two threads never send the same request
-- (which beliefloop would rightly read as a regeneration).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local sent = 0
function init(args)
  math.randomseed(os.time() * 100 + (id or 0))
end

request = function()
  sent = sent + 1
  local body = '{"model":"gpt-bench","user":"u' .. math.random(1, 200) .. '","messages":[{"role":"user","content":"question '
    .. (id or 0) .. '-' .. sent .. '-' .. math.random(1, 1000000) .. '"}]}'
  return wrk.format("POST", "/v1/chat/completions", {["Content-Type"] = "application/json"}, body)
end
