"""De-identification scanner (去标识化): examples per kind, non-findings, and property tests with generated data."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.core.deidentify import Finding, mask, mask_finding, scan


def kinds_and_texts(text: str, **kw) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in scan(text, **kw)]


# --- examples: found, exact masked form ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "found", "masked"),
    [
        ("身份证号：11010519491231002X。", "resident_id", "11010519491231002X", "110105********002X"),
        ("身份证号：11010519491231002x。", "resident_id", "11010519491231002x", "110105********002X"),
        ("证件440524188001010014已核验", "resident_id", "440524188001010014", "440524********0014"),
        ("号码 110101 19900307 8515 已登记", "resident_id", "110101 19900307 8515", "110101********8515"),
        ("手机13812345678", "mobile", "13812345678", "138****5678"),
        ("手机：138 1234 5678。", "mobile", "138 1234 5678", "138****5678"),
        ("手机：138-1234-5678。", "mobile", "138-1234-5678", "138****5678"),
        ("手机：+86 13812345678", "mobile", "+86 13812345678", "+86 138****5678"),
        ("手机：8613812345678", "mobile", "8613812345678", "86138****5678"),
        ("手机：１３８１２３４５６７８", "mobile", "１３８１２３４５６７８", "138****5678"),
        ("电话：0564-3371234", "landline", "0564-3371234", "0564-*****34"),
        ("电话：(0564)3371234", "landline", "(0564)3371234", "(0564)*****34"),
        ("电话：（0564）3371234", "landline", "（0564）3371234", "（0564）*****34"),
        ("电话：010-12345678", "landline", "010-12345678", "010-******78"),
        ("电话：02112345678", "landline", "02112345678", "021******78"),
        ("账号：6222021234567890128", "bank_card", "6222021234567890128", "622202*********0128"),
        ("卡号 6228 4800 1234 5671 办理", "bank_card", "6228 4800 1234 5671", "622848******5671"),
        ("卡号4111111111111111", "bank_card", "4111111111111111", "411111******1111"),
        ("邮箱：zhang.san@example.com。", "email", "zhang.san@example.com", "z***@example.com"),
        ("来信请寄li_si+gk@mail.ah.gov.cn，谢谢", "email", "li_si+gk@mail.ah.gov.cn", "l***@mail.ah.gov.cn"),
    ],
)
def test_each_kind_is_found_and_masked(text, kind, found, masked):
    (finding,) = scan(text)
    assert (finding.kind, finding.text, finding.masked) == (kind, found, masked)
    assert text[finding.start : finding.end] == found
    assert mask(text) == text.replace(found, masked)
    assert scan(mask(text)) == []


def test_labels_are_chinese():
    labels = {f.kind: f.label for f in scan("张三 13812345678 0564-3371234 zs@example.com", names=True)}
    assert labels == {"name": "自然人姓名", "mobile": "手机号码", "landline": "固定电话", "email": "电子邮箱"}
    assert Finding("resident_id", 0, 0, "", "").label == "居民身份证号码"
    assert Finding("bank_card", 0, 0, "", "").label == "银行卡号"


def test_a_whole_paragraph():
    text = (
        "经查，当事人：张三，男，身份证号码11010519491231002X，住所地略。联系电话13812345678，"
        "开户账号6222021234567890128，电子邮箱zhangsan@example.com。合肥市某某建设有限公司"
        "（统一社会信用代码：91350100M000100Y43）法定代表人：欧阳修。监督电话0551-62345678。"
    )
    assert kinds_and_texts(text, names=True) == [
        ("name", "张三"),
        ("resident_id", "11010519491231002X"),
        ("mobile", "13812345678"),
        ("bank_card", "6222021234567890128"),
        ("email", "zhangsan@example.com"),
        ("name", "欧阳修"),
        ("landline", "0551-62345678"),
    ]
    assert mask(text, names=True) == (
        "经查，当事人：张某，男，身份证号码110105********002X，住所地略。联系电话138****5678，"
        "开户账号622202*********0128，电子邮箱z***@example.com。合肥市某某建设有限公司"
        "（统一社会信用代码：91350100M000100Y43）法定代表人：欧阳某。监督电话0551-******78。"
    )
    assert scan(mask(text, names=True), names=True) == []


# --- non-findings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "统一社会信用代码：91350100M000100Y43",
        "统一社会信用代码：914403001922038216",
        "索引号：11341702486344515H/2024-00123",
        "索引号：113417030032499282/2024-00123",
        "身份证号：110105194912310021",  # check character should be X
        "身份证号：110105194913310028",  # month 13
        "订单号202410121234已支付",  # 12 digits
        "编号138123456789",  # 12 digits starting like a mobile
        "编号13812345678901234567890",
        "于2024-10-12发布，2024年10月12日",
        "合同金额1234567.89元，单价13812345678.5元",
        "服务热线400-800-1234，4008001234，800-820-8820",
        "政务服务便民热线12345，0564-12345",
        "编号6222021234567890",  # fails Luhn
        "卡号6222021234567890",  # fails Luhn even when labelled
        "编号 6222 0212 3456 7890",
        "项目编号：6228480012345671",  # passes Luhn, but is labelled as a reference number
        "版本 1.13812345678",
        "注意：张某 138****5678，110105********002X，z***@example.com",
    ],
)
def test_not_personal_data(text):
    assert scan(text, names=True) == []


def test_uscc_shaped_like_an_id_is_skipped_only_when_labelled():
    # A made-up 18-digit string that is both a valid identity number and a valid credit code.
    bodies = (f"110101199001{day:02d}{seq:03d}" for day in range(1, 29) for seq in range(1000))
    code = next(c for c in (body + id_check_char(body) for body in bodies) if _valid_both(c))
    assert kinds_and_texts(f"统一社会信用代码：{code}") == []
    assert kinds_and_texts(f"身份证号：{code}") == [("resident_id", code)]
    assert kinds_and_texts(f"信用代码略，身份证号：{code}") == [("resident_id", code)]


def _valid_both(code: str) -> bool:
    from gongkai.core.codes import is_valid_resident_id, is_valid_uscc, org_check_char

    return is_valid_resident_id(code) and is_valid_uscc(code) and org_check_char(code[8:16]) == code[16]


def test_numbers_inside_longer_runs_are_not_found():
    assert scan("11010519491231002X1") == []
    assert scan("A11010519491231002X") == []
    assert scan("913812345678") == []
    assert scan("138123456780") == []
    assert scan("x13812345678") == []
    assert scan("005643371234") == []
    assert scan("62220212345678901281") == []


def test_email_digits_are_not_also_a_phone():
    assert kinds_and_texts("13812345678@163.com") == [("email", "13812345678@163.com")]


# --- names ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "masked"),
    [
        ("联系人：张三", ["张三"], "联系人：张某"),
        ("联系人:李小明，电话另告", ["李小明"], "联系人:李某，电话另告"),
        ("姓名 王五 性别 男", ["王五"], "姓名 王某 性别 男"),
        ("姓名：张三性别：男", ["张三"], "姓名：张某性别：男"),
        ("项目负责人：诸葛亮同志", ["诸葛亮"], "项目负责人：诸葛某同志"),
        ("被处罚人：司马光。", ["司马光"], "被处罚人：司马某。"),
        ("经办人：赵六、钱七", ["赵六", "钱七"], "经办人：赵某、钱某"),
        ("张三 13812345678", ["张三"], "张某 138****5678"),
        ("张三13812345678", ["张三"], "张某138****5678"),
        ("张三（身份证号：11010519491231002X）", ["张三"], "张某（身份证号：110105********002X）"),
        ("张三，电话：0564-3371234", ["张三"], "张某，电话：0564-*****34"),
        ("王五的手机是13812345678", ["王五"], "王某的手机是138****5678"),
        ("请联系欧阳修（13812345678）", ["欧阳修"], "请联系欧阳某（138****5678）"),
        ("主任王明13812345678", ["王明"], "主任王某138****5678"),
        ("向李四 13812345678 核实", ["李四"], "向李某 138****5678 核实"),
        ("13812345678（张三）", ["张三"], "138****5678（张某）"),
        ("张三先生，手机13812345678", ["张三"], "张某先生，手机138****5678"),
    ],
)
def test_names(text, names, masked):
    assert [f.text for f in scan(text, names=True) if f.kind == "name"] == names
    assert mask(text, names=True) == masked


@pytest.mark.parametrize(
    "text",
    [
        "联系人：黄山市公共资源交易中心",
        "申请人：合肥某某建设有限公司",
        "负责人：本单位",
        "负责人：王经理",
        "联系人：张某",
        "咨询电话：0564-3371234",
        "投诉电话 13812345678",
        "采购代理机构联系方式：13812345678",
        "13812345678，马上联系",
        "张三负责本项目",  # a name with no label and no number next to it is not looked for
    ],
)
def test_not_names(text):
    assert [f for f in scan(text, names=True) if f.kind == "name"] == []


def test_names_only_on_request():
    assert kinds_and_texts("联系人：张三 13812345678") == [("mobile", "13812345678")]


# --- mask API -------------------------------------------------------------------------------------------


def test_mask_only_some_kinds():
    text = "张三 13812345678 11010519491231002X"
    assert mask(text, names=True, kinds={"resident_id"}) == "张三 13812345678 110105********002X"
    assert mask(text, kinds={"mobile", "name"}) == "张三 138****5678 11010519491231002X"


def test_mask_given_findings_and_mask_finding():
    text = "电话13812345678，邮箱ab@example.com"
    findings = scan(text)
    assert mask(text, findings[1:]) == "电话13812345678，邮箱a***@example.com"
    assert mask_finding(text, findings[0]) == "电话138****5678，邮箱ab@example.com"
    assert mask(text, []) == text


def test_mask_rejects_stale_findings_and_unknown_kinds():
    finding = scan("电话13812345678")[0]
    with pytest.raises(ValueError, match="does not match"):
        mask_finding("电话13812345679", finding)
    with pytest.raises(ValueError, match="unknown kinds"):
        mask("x", kinds={"passport"})


# --- property tests -------------------------------------------------------------------------------------

REGIONS = ["110101", "110105", "120101", "130102", "310101", "320902", "330106", "341502", "350203", "370202"]
REGIONS += [
    "410102",
    "420102",
    "440305",
    "450102",
    "500101",
    "510104",
    "530102",
    "610113",
    "650102",
    "820000",
]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
FILLER = [
    "根据《政府信息公开条例》第二十六条",
    "本项目采购结果公示如下",
    "中标供应商",
    "请于五个工作日内",
    "如有异议请联系",
    "公示期",
    "经查",
    "特此公告",
    "住所地",
    "评标委员会推荐",
    "资格审查",
    "交易中心",
    "附件",
    "的",
]
SEPARATORS = ["", "", " ", "，", "：", "。", "（", "）", "\n", "、", "；", "“", "”"]


def id_check_char(body17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS, strict=True)) % 11]


@st.composite
def resident_ids(draw) -> str:
    region = draw(st.sampled_from(REGIONS))
    birth = draw(st.dates(dt.date(1940, 1, 1), dt.date(2010, 12, 31)))
    body = f"{region}{birth:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return body + id_check_char(body)


@st.composite
def mobiles(draw) -> str:
    number = f"1{draw(st.integers(3, 9))}{draw(st.integers(0, 9))}{draw(st.integers(0, 10**8 - 1)):08d}"
    style = draw(st.sampled_from(["plain", "space", "hyphen"]))
    if style == "plain":
        return number
    sep = " " if style == "space" else "-"
    return sep.join([number[:3], number[3:7], number[7:]])


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str(-total % 10)


@st.composite
def bank_cards(draw) -> str:
    prefix = draw(st.sampled_from(["62", "4"]))
    length = draw(st.sampled_from([15, 18]))
    body = prefix + "".join(
        draw(
            st.lists(
                st.sampled_from("0123456789"), min_size=length - len(prefix), max_size=length - len(prefix)
            )
        )
    )
    return body + luhn_digit(body)


_LOCAL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
emails = st.builds(
    lambda first, rest, sep, host, tld: (
        f"{first}{sep}{rest}@{host}.{tld}" if rest else f"{first}@{host}.{tld}"
    ),
    st.text(_LOCAL_CHARS, min_size=1, max_size=8),
    st.text(_LOCAL_CHARS, max_size=6),
    st.sampled_from(["", ".", "_", "-"]),
    st.sampled_from(["example", "mail.ah.gov", "163", "qq", "gongkai-test"]),
    st.sampled_from(["com", "cn", "org", "com.cn"]),
)
items = st.one_of(
    st.tuples(st.just("resident_id"), resident_ids()),
    st.tuples(st.just("mobile"), mobiles()),
    st.tuples(st.just("bank_card"), bank_cards()),
    st.tuples(st.just("email"), emails),
)


@st.composite
def documents(draw) -> tuple[str, list[tuple[str, int, int, str]]]:
    """Chinese filler with personal data embedded; returns the text and the expected (kind, start, end, value)."""
    parts: list[str] = []
    expected: list[tuple[str, int, int, str]] = []
    pos = 0
    chosen = draw(st.lists(items, min_size=1, max_size=4))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(FILLER)) + draw(st.sampled_from(SEPARATORS)))
        pos = len(parts[0])
    for i, (kind, value) in enumerate(chosen):
        expected.append((kind, pos, pos + len(value), value))
        parts.append(value)
        pos += len(value)
        last = i == len(chosen) - 1
        if not last or draw(st.booleans()):
            tail = (
                draw(st.sampled_from(SEPARATORS))
                + draw(st.sampled_from(FILLER))
                + draw(st.sampled_from(SEPARATORS))
            )
            parts.append(tail)
            pos += len(tail)
    return "".join(parts), expected


@settings(max_examples=200)
@given(documents())
def test_generated_personal_data_is_found_and_masked(doc):
    text, expected = doc
    findings = scan(text)
    assert [(f.kind, f.start, f.end, f.text) for f in findings] == expected
    masked = mask(text)
    for _kind, _start, _end, value in expected:
        assert value not in masked
    assert scan(masked) == []


@settings(max_examples=200)
@given(resident_ids(), st.sampled_from(FILLER), st.sampled_from(SEPARATORS), st.data())
def test_id_with_a_wrong_check_char_is_not_an_id(number, filler, sep, data):
    wrong = data.draw(st.sampled_from([c for c in "0123456789X" if c != number[-1]]))
    bad = number[:-1] + wrong
    assert "resident_id" not in [f.kind for f in scan(f"{filler}{sep}{bad}{sep}{filler}")]
    assert [f.kind for f in scan(f"{filler}{sep}{number}{sep}{filler}")] == ["resident_id"]


@settings(max_examples=200)
@given(bank_cards(), st.sampled_from(FILLER), st.sampled_from(SEPARATORS), st.data())
def test_card_with_a_wrong_luhn_digit_is_not_a_card(number, filler, sep, data):
    wrong = data.draw(st.sampled_from([c for c in "0123456789" if c != number[-1]]))
    assert scan(f"{filler}{sep}{number[:-1]}{wrong}{sep}{filler}") == []


SURNAMES = ["张", "王", "李", "刘", "陈", "黄", "欧阳", "诸葛", "司马", "上官"]
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"


@settings(max_examples=200)
@given(
    st.sampled_from(SURNAMES),
    st.text(GIVEN, min_size=1, max_size=2),
    st.sampled_from(["", " ", "，", "，电话：", "（手机：", "的手机是", "/"]),
    mobiles(),
)
def test_generated_name_next_to_a_phone(surname, given_name, gap, phone):
    name = surname + given_name
    text = f"如有异议请联系{name}{gap}{phone}。"
    found = [(f.kind, f.text, f.masked) for f in scan(text, names=True)]
    assert found[0] == ("name", name, surname + "某")
    assert found[1][0] == "mobile"
    assert name not in mask(text, names=True)


# --- the layouts issue 14 and 15 found missed (each failed before the scanner learnt it) ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证号：110105491231002", [("resident_id", "110105491231002")]),
        ("身份证号码：110105-19491231-002X", [("resident_id", "110105-19491231-002X")]),
        ("手机：138.1234.5678", [("mobile", "138.1234.5678")]),
        ("手机：1381 234 5678", [("mobile", "1381 234 5678")]),
        ("电话：0551-1234567转123", [("landline", "0551-1234567转123")]),
        ("联 系 人：张三", [("name", "张三")]),
        ("联系人：阿依古丽·买买提", [("name", "阿依古丽·买买提")]),
        ("联系人：张先生，电话13812345678", [("name", "张先生"), ("mobile", "13812345678")]),
        ("项目负责人\n张三", [("name", "张三")]),
        ("侯 民15012345678", [("name", "侯 民"), ("mobile", "15012345678")]),
        (
            "袁胜刚,注册二级建造师,皖1342012201234567,项目负责人",
            [("name", "袁胜刚"), ("certificate", "皖1342012201234567")],
        ),
        ("评标委员会成员：李同献、高莉、王五", [("name", "李同献"), ("name", "高莉"), ("name", "王五")]),
        ("招标人代表：王建国", [("name", "王建国")]),
        ("张伟，0551-62345678", [("name", "张伟"), ("landline", "0551-62345678")]),
        ("安全生产考核合格证：皖建安B（2019）0012345", [("certificate", "皖建安B（2019）0012345")]),
        ("注册编号：皖13412345678", [("certificate", "皖13412345678")]),  # never a mobile
        ("金额6228480012345671", []),  # no name 金额, and an amount is no card
    ],
)
def test_real_notice_layouts(text, expected):
    assert kinds_and_texts(text, names=True) == expected


@pytest.mark.parametrize("text", ["张三（身份证号：11010519491231002X）", "张三身份证号码11010519491231002X"])
def test_masking_an_id_keeps_the_name_beside_it(text):
    [name, number] = scan(text, names=True)
    masked = mask_finding(text, number)
    assert kinds_and_texts(masked, names=True) == [("name", "张三")]


def test_a_landline_beside_a_name_is_linked_to_that_person():
    [name, landline] = scan("联系人：张三，电话：0564-3371234", names=True)
    assert landline.linked
    [office] = scan("招标人：六安市城市建设投资有限公司，联系电话：0564-3371234", names=True)
    assert not office.linked


def test_a_person_field_is_read_as_names():
    assert kinds_and_texts("张三、李四", names=True, person_field=True) == [
        ("name", "张三"),
        ("name", "李四"),
    ]
    assert kinds_and_texts("张三、李四", names=True) == []


def test_a_contact_group_belongs_to_the_person_it_starts_with():
    found = scan("联系人：王芳，电话：0564-3371234，邮箱：wangfang@163.com。", names=True)
    assert [(f.kind, f.linked) for f in found] == [("name", False), ("landline", True), ("email", True)]
