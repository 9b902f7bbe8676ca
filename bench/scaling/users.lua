-- Personalised load: 200 users, a new question per request (no regenerations).
math.randomseed(os.time())
request = function()
  local body = '{"model":"gpt-bench","user":"u' .. math.random(1, 200) .. '","messages":[{"role":"user","content":"question '
    .. math.random(1, 1000000) .. '"}]}'
  return wrk.format("POST", "/v1/chat/completions", {["Content-Type"] = "application/json"}, body)
end
