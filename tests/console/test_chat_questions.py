"""Questions found in real-looking comments (and the comments that must not be taken for one), and quick replies
filled from the product on air."""

from __future__ import annotations

import pytest

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.questions import QuickReply, ReplyError, check_replies, fill, is_question, question_key, suggest

QUESTIONS = [
    "这个多少钱",
    "有优惠吗",
    "包邮吗😊",
    "有优惠吗～",
    "主播穿的什么码",
    "几号发货",
    "能不能便宜点",
    "是不是正品",
    "有没有黑色的",
    "怎么领券",
    "请问一下保修多久",
    "啥时候上链接",
    "链接在哪里",
    "好看？",
    "1号链接还有吗？",
    "How much is shipping",
    "how many colours",
    "Do you ship abroad",
    "can I pay with alipay",
    "When does the sale end",
    "is it waterproof?",
    "ＨＯＷ ＭＵＣＨ",
]
NOT_QUESTIONS = [
    "哈哈哈？？？",
    "？？？",
    "??",
    "👍👍👍",
    "😂😂😂?",
    "666?",
    "6666666",
    "hahaha?",
    "lol?",
    "2333333?",
    "啊啊啊?",
    "1?",
    "今天天气不错",
    "真好看！",
    "已下单",
    "I love it!",
    "do it",
    "cannot wait",
    "whatever",
    "主播好美",
    "",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_are_found(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize("text", NOT_QUESTIONS)
def test_reactions_and_statements_are_not_questions(text: str) -> None:
    assert not is_question(text)


def test_one_comment_is_one_question_whichever_console_saw_it() -> None:
    one = ChatEvent("bilibili", "a", ChatKind.COMMENT, "u1", "小明", "多少钱", message_id="m-1")
    again = ChatEvent("bilibili", "b", ChatKind.COMMENT, "u1", "小明", "多少钱", t=9.0, message_id="m-1")
    assert question_key(one) == question_key(again) == "bilibili:m-1"
    no_id = ChatEvent("file", "f", ChatKind.COMMENT, "", "小红", "多少钱")
    assert (
        question_key(no_id)
        == question_key(no_id)
        != question_key(ChatEvent("file", "f", ChatKind.COMMENT, "", "小红", "几号发货"))
    )


REPLIES = [
    QuickReply("{product} 到手价 {price} 元，今晚下单包邮", "保温杯", "多少钱"),
    QuickReply("{product} 48 小时内发货", "保温杯", "发货"),
    QuickReply("{product} 现在 {price} 元", "保温杯"),
    QuickReply("衬衫有 S 到 XL", "衬衫", "码"),
    QuickReply("@{user} 所有商品七天无理由退货", "", "退货"),
]


def test_replies_fit_the_question_and_the_product_on_air() -> None:
    found = suggest(REPLIES, "这个多少钱呀", "保温杯")
    assert [r.text for r in found] == [REPLIES[0].text, REPLIES[2].text]
    assert suggest(REPLIES, "什么码", "保温杯") == [REPLIES[2]]  # another product's reply is never offered
    assert suggest(REPLIES, "能退货吗", None) == [REPLIES[4]]
    assert suggest(REPLIES, "什么码", "衬衫") == [REPLIES[3]]


def test_a_reply_is_filled_from_the_product_and_the_viewer() -> None:
    fields = {"product": "316不锈钢保温杯", "price": "89.90", "sku": "SKU-8848", "user": "小明"}
    assert fill(REPLIES[0], fields) == "316不锈钢保温杯 到手价 89.90 元，今晚下单包邮"
    assert fill(REPLIES[4], fields) == "@小明 所有商品七天无理由退货"
    # A field without a value stays as written: what is missing shows, never a blank where the price was (engage15).
    assert fill(REPLIES[2], {"product": "赠品", "price": None}) == "赠品 现在 {price} 元"


def test_bad_replies_are_refused_with_every_problem() -> None:
    with pytest.raises(ReplyError) as refused:
        check_replies([QuickReply("ok {product}"), QuickReply("  "), QuickReply("{prise} 元"), QuickReply("{ 元")])
    words = [str(p) for p in refused.value.problems]
    assert words == [
        "quick reply 2 has no text",
        "quick reply 3 uses the field “prise”; the fields are {product}, {price}, {sku}, {user}",
        "quick reply 4 has a { or } without its pair",
    ]
    assert check_replies([QuickReply("  hi ", " 保温杯  500ml ", " 多少 ")]) == [
        QuickReply("hi", "保温杯 500ml", "多少")
    ]
