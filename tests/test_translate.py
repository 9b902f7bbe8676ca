"""The Responses API and Anthropic Messages in terms of chat completions: pure translations."""

from __future__ import annotations

import orjson
import pytest

from adapters import ModelTraits
from proxy.errors import InvalidRequest
from proxy.gateway import translate_messages as anthropic
from proxy.gateway import translate_responses as responses
from proxy.gateway.sse import EventReader


def events(raw: bytes) -> list[dict]:
    reader = EventReader()
    return [orjson.loads(data) for _, data in reader.feed(raw) + reader.close()]


def chunk(content=None, tool_calls=None, finish=None, usage=None) -> dict:
    delta = {k: v for k, v in (("content", content), ("tool_calls", tool_calls)) if v is not None}
    out = {"id": "c1", "model": "up-model", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    if usage is not None:
        out = {"id": "c1", "choices": [], "usage": usage}
    return out


# -- SSE ---------------------------------------------------------------------------------------

def test_events_are_read_whatever_the_chunk_boundaries():
    stream = b"event: a\ndata: {\"x\": 1}\r\n\r\ndata: [DONE]\n\n"
    reader = EventReader()
    found = []
    for i in range(len(stream)):
        found += reader.feed(stream[i:i + 1])
    assert found == [("a", b'{"x": 1}'), (None, b"[DONE]")]


# -- Responses API -----------------------------------------------------------------------------

def test_input_items_become_a_chat_history():
    items = [
        {"role": "user", "content": "What is the weather?"},
        {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Checking."}]},
        {"type": "function_call", "call_id": "call_1", "name": "weather", "arguments": '{"city":"Oslo"}'},
        {"type": "function_call_output", "call_id": "call_1", "output": "4 C"},
        {"type": "reasoning", "summary": []},
        {"type": "message", "role": "user", "content": [
            {"type": "input_text", "text": "Thanks"},
            {"type": "input_image", "image_url": "https://x/y.png", "detail": "low"}]},
    ]
    assert responses.input_messages(items) == [
        {"role": "user", "content": "What is the weather?"},
        {"role": "assistant", "content": "Checking.", "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Oslo"}'}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": "4 C"},
        {"role": "user", "content": [{"type": "text", "text": "Thanks"},
                                     {"type": "image_url", "image_url": {"url": "https://x/y.png", "detail": "low"}}]},
    ]


def test_request_maps_tools_formats_and_limits():
    body = {"model": "m", "input": "q", "instructions": "Be kind.", "max_output_tokens": 300, "stream": True,
            "tools": [{"type": "function", "name": "f", "parameters": {"type": "object"}, "strict": True}],
            "tool_choice": {"type": "function", "name": "f"}, "temperature": 0.2, "store": False,
            "text": {"format": {"type": "json_schema", "name": "s", "schema": {"type": "object"}, "strict": True}},
            "reasoning": {"effort": "low"}, "top_k": 5}
    messages = responses.instructions_message(body) + responses.input_messages(body["input"])
    chat = responses.request_to_chat(body, messages, ModelTraits())
    assert chat["messages"] == [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "q"}]
    assert chat["max_tokens"] == 300 and "max_output_tokens" not in chat
    assert chat["tools"] == [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"},
                                                                "strict": True}}]
    assert chat["tool_choice"] == {"type": "function", "function": {"name": "f"}}
    assert chat["response_format"] == {"type": "json_schema", "json_schema": {
        "name": "s", "schema": {"type": "object"}, "strict": True}}
    assert chat["reasoning_effort"] == "low" and chat["temperature"] == 0.2 and chat["top_k"] == 5
    assert chat["stream"] is True and chat["stream_options"] == {"include_usage": True}
    assert "store" not in chat and "text" not in chat
    reasoning = responses.request_to_chat(body, messages, ModelTraits(reasoning=True))
    assert reasoning["max_completion_tokens"] == 300 and "max_tokens" not in reasoning


def test_hosted_tools_cannot_be_translated():
    with pytest.raises(InvalidRequest) as raised:
        responses.request_to_chat({"model": "m", "tools": [{"type": "web_search"}]}, [], ModelTraits())
    assert raised.value.param == "tools[0]"


def test_streamed_text_becomes_responses_events_in_openais_order():
    builder = responses.ResponseBuilder({"model": "m", "instructions": "Be kind."}, "resp_1", 7, stream=True)
    raw = builder.start() + builder.feed(chunk("Hel")) + builder.feed(chunk("lo", finish="stop")) + \
        builder.feed(chunk(usage={"prompt_tokens": 4, "completion_tokens": 2, "total_tokens": 6})) + builder.finish()
    found = events(raw)
    assert [e["type"] for e in found] == [
        "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
        "response.output_text.delta", "response.output_text.delta", "response.output_text.done",
        "response.content_part.done", "response.output_item.done", "response.completed"]
    assert [e["sequence_number"] for e in found] == list(range(len(found)))
    final = found[-1]["response"]
    assert final["id"] == "resp_1" and final["status"] == "completed" and final["model"] == "up-model"
    assert final["output"][0]["content"][0]["text"] == "Hello"
    assert final["usage"]["input_tokens"] == 4 and final["usage"]["output_tokens"] == 2
    assert final["instructions"] == "Be kind."


def test_streamed_tool_call_becomes_a_function_call_item():
    builder = responses.ResponseBuilder({"model": "m"}, "resp_2", 7, stream=True)
    call = [{"index": 0, "id": "call_9", "type": "function", "function": {"name": "weather", "arguments": "{\"ci"}}]
    more = [{"index": 0, "function": {"arguments": "ty\": \"Oslo\"}"}}]
    raw = builder.start() + builder.feed(chunk(tool_calls=call)) + \
        builder.feed(chunk(tool_calls=more, finish="tool_calls"))
    found = events(raw + builder.finish())
    kinds = [e["type"] for e in found]
    assert kinds[2:] == ["response.output_item.added", "response.function_call_arguments.delta",
                         "response.function_call_arguments.delta", "response.function_call_arguments.done",
                         "response.output_item.done", "response.completed"]
    item = found[-1]["response"]["output"][0]
    assert (item["type"], item["call_id"], item["name"], item["arguments"]) == \
        ("function_call", "call_9", "weather", '{"city": "Oslo"}')


def test_a_cut_reply_is_incomplete():
    completion = {"model": "m", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Partial"},
                                             "finish_reason": "length"}]}
    response = responses.response_from_completion(completion, {"model": "m"}, "resp_3", 1)
    assert response["status"] == "incomplete"
    assert response["incomplete_details"] == {"reason": "max_output_tokens"}


def test_assistant_message_carries_text_and_calls_for_the_chain():
    output = [{"type": "message", "content": [{"type": "output_text", "text": "Sure."}]},
              {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}"}]
    assert responses.assistant_message(output) == {"role": "assistant", "content": "Sure.", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}


# -- Anthropic Messages ---------------------------------------------------------------------------

def test_anthropic_conversation_keeps_tool_use_and_results_in_chat_order():
    body = {"model": "m", "system": [{"type": "text", "text": "Be kind."}], "messages": [
        {"role": "user", "content": [{"type": "text", "text": "Weather?"},
                                     {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                                                  "data": "AAAA"}}]},
        {"role": "assistant", "content": [{"type": "thinking", "thinking": "hmm"},
                                          {"type": "text", "text": "Let me look."},
                                          {"type": "tool_use", "id": "toolu_1", "name": "weather",
                                           "input": {"city": "Oslo"}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "4 C"},
                                     {"type": "text", "text": "And tomorrow?"}]},
    ]}
    assert anthropic.conversation(body) == [
        {"role": "system", "content": "Be kind."},
        {"role": "user", "content": [{"type": "text", "text": "Weather?"},
                                     {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]},
        {"role": "assistant", "content": "Let me look.", "tool_calls": [
            {"id": "toolu_1", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Oslo"}'}}]},
        {"role": "tool", "tool_call_id": "toolu_1", "content": "4 C"},
        {"role": "user", "content": "And tomorrow?"},
    ]


def test_anthropic_request_maps_to_chat():
    body = {"model": "m", "max_tokens": 256, "stop_sequences": ["END"], "temperature": 0.5, "top_k": 3,
            "metadata": {"user_id": "u-1"}, "stream": True,
            "tools": [{"name": "f", "description": "d", "input_schema": {"type": "object"}}],
            "tool_choice": {"type": "any", "disable_parallel_tool_use": True},
            "messages": [{"role": "user", "content": "hi"}]}
    chat = anthropic.request_to_chat(body, anthropic.conversation(body), ModelTraits())
    assert chat == {"model": "m", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 256,
                    "temperature": 0.5, "stop": ["END"], "user": "u-1",
                    "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"},
                                                                "description": "d"}}],
                    "tool_choice": "required", "parallel_tool_calls": False,
                    "stream": True, "stream_options": {"include_usage": True}}


def test_anthropic_server_tools_cannot_be_translated():
    with pytest.raises(InvalidRequest):
        anthropic.request_to_chat({"model": "m", "tools": [{"type": "web_search_20250305", "name": "web_search"}]},
                                  [], ModelTraits())


def test_streamed_chat_becomes_anthropic_events():
    builder = anthropic.MessageBuilder("msg_1", "m", stream=True)
    call = [{"index": 0, "id": "call_1", "function": {"name": "weather", "arguments": "{\"city\":"}}]
    more = [{"index": 0, "function": {"arguments": "\"Oslo\"}"}}]
    raw = builder.start() + builder.feed(chunk("Looking.")) + builder.feed(chunk(tool_calls=call)) + \
        builder.feed(chunk(tool_calls=more, finish="tool_calls")) + \
        builder.feed(chunk(usage={"prompt_tokens": 9, "completion_tokens": 5})) + builder.finish()
    found = events(raw)
    assert [e["type"] for e in found] == [
        "message_start", "content_block_start", "content_block_delta", "content_block_stop",
        "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
        "message_delta", "message_stop"]
    assert found[4]["content_block"] == {"type": "tool_use", "id": "call_1", "name": "weather", "input": {}}
    assert found[8]["delta"]["stop_reason"] == "tool_use"
    assert found[8]["usage"] == {"input_tokens": 9, "output_tokens": 5}
    assert builder.message()["content"][1]["input"] == {"city": "Oslo"}


def test_anthropic_message_from_a_completion():
    completion = {"model": "up", "usage": {"prompt_tokens": 3, "completion_tokens": 2},
                  "choices": [{"index": 0, "finish_reason": "length",
                               "message": {"role": "assistant", "content": "Hi"}}]}
    message = anthropic.message_from_completion(completion, "msg_2", "m")
    assert message["content"] == [{"type": "text", "text": "Hi"}]
    assert message["stop_reason"] == "max_tokens" and message["model"] == "up"
    assert message["usage"] == {"input_tokens": 3, "output_tokens": 2}
