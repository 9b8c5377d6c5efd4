"""De-identification (去标识化) of Chinese text before a disclosure is submitted or approved.

`scan` finds personal data in free text: 居民身份证号码, 手机号码, 固定电话, 银行卡号, 电子邮箱 and, on request,
自然人姓名. `mask` replaces what was found with the masked forms of cn-rules.md §9:

- 身份证号: first 6 and last 4 kept, the 8 birth-date digits masked: ``110105********002X``;
- 手机号: first 3 and last 4 kept: ``138****5678`` (separators dropped; a ``+86`` prefix is kept);
- 固定电话: area code and last 2 digits kept: ``0564-*****34``;
- 银行卡号: first 6 and last 4 kept: ``622202*********1234`` (separators dropped);
- 电子邮箱: first character of the local part kept: ``z***@example.com``;
- 姓名: surname kept, given name replaced by one "某" (court style, 法释〔2016〕19号 第九条): ``张某``, ``欧阳某``.

Numbers are validated before they are reported, so that ordinary numbers are not masked by mistake: an
identity number must pass GB 11643 (birth date and MOD 11-2 check), a card number the Luhn check. Masked
values contain ``*`` or ``某`` and are not found again, so masking is idempotent.

Pure Python; no Django imports.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.core.codes import is_valid_resident_id, is_valid_uscc, org_check_char

KIND_LABELS: dict[str, str] = {
    "resident_id": "居民身份证号码",
    "mobile": "手机号码",
    "landline": "固定电话",
    "bank_card": "银行卡号",
    "email": "电子邮箱",
    "name": "自然人姓名",
}
KINDS: frozenset[str] = frozenset(KIND_LABELS)
# Kinds next to which a name is looked for.
_CONTACT_KINDS = frozenset({"resident_id", "mobile", "landline", "bank_card", "email"})


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind, its span ``text[start:end]``, and the masked replacement."""

    kind: str
    start: int
    end: int
    text: str
    masked: str

    @property
    def label(self) -> str:
        """The Chinese name of the kind, e.g. 手机号码."""
        return KIND_LABELS[self.kind]


# ---------------------------------------------------------------------------------------------------------
# Normalisation. Full-width digits, letters and a few signs are mapped one-to-one onto ASCII, so offsets in
# the normalised text are offsets in the original.

_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)}
_FULLWIDTH.update({0xFF21 + i: 0x41 + i for i in range(26)})
_FULLWIDTH.update({0xFF41 + i: 0x61 + i for i in range(26)})
_FULLWIDTH.update({ord("＋"): ord("+"), ord("－"): ord("-"), ord("＠"): ord("@"), 0x3000: ord(" ")})


def _normalise(text: str) -> str:
    return text.translate(_FULLWIDTH)


# ---------------------------------------------------------------------------------------------------------
# Number patterns. Every number must stand alone: no ASCII letter or digit on either side, and not be the
# integer or fraction part of a decimal number (1234567.89).

_L = r"(?<![0-9A-Za-z])(?<![0-9]\.)"
_R = r"(?![0-9A-Za-z])(?!\.[0-9])"

_RESIDENT_ID_RE = re.compile(
    _L + r"(?P<a>[1-8][0-9]{5})(?P<s> ?)(?P<b>[0-9]{8})(?P=s)(?P<c>[0-9]{3}[0-9Xx])" + _R
)
_MOBILE_RE = re.compile(
    _L + r"(?P<cc>(?:\+|00)?86[ -]?)?(?P<num>1[3-9][0-9](?:[0-9]{8}|(?P<s>[ -])[0-9]{4}(?P=s)[0-9]{4}))" + _R
)
# Area codes: 010, 02x, 0xxx (x from 3). Subscriber numbers: 7 or 8 digits, not starting with 0.
_AREA = r"0(?:10|2[0-9]|[3-9][0-9]{2})"
_LANDLINE_RE = re.compile(
    _L
    + r"(?P<area>\("
    + _AREA
    + r"\)|（"
    + _AREA
    + r"）|"
    + _AREA
    + r")(?P<s>[ \-—]?)(?P<sub>[1-9][0-9]{6,7})"
    + _R
)
_BANK_CARD_RE = re.compile(
    _L
    + r"(?P<num>[3-6][0-9]{15,18}|[3-6][0-9]{3}(?P<s>[ -])[0-9]{4}(?:(?P=s)[0-9]{4}){2}(?:(?P=s)[0-9]{1,3})?)"
    + _R
)
_EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+\-])(?P<local>[A-Za-z0-9._%+\-]+)@"
    r"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})(?![A-Za-z0-9\-])"
)

# Words before a number that say what it is (looked for in the 16 characters before it; the nearest wins).
_CUE_WINDOW = 16
_CREDIT_CUES = (
    "统一社会信用代码",
    "社会信用代码",
    "信用代码",
    "组织机构代码",
    "机构代码",
    "纳税人识别号",
    "税号",
    "索引号",
    "注册号",
)
_PERSON_ID_CUES = ("身份证", "身份号码", "证件号", "公民身份")
_REFERENCE_CUES = (
    *_CREDIT_CUES,
    "编号",
    "编码",
    "标识码",
    "订单号",
    "流水号",
    "合同号",
    "文号",
    "批次号",
    "项目号",
    "代码",
)
_ACCOUNT_CUES = ("账号", "帐号", "卡号", "账户", "帐户", "开户", "银行卡")


def _nearest_cue(text: str, start: int, groups: dict[str, Iterable[str]]) -> str | None:
    """Which group of cue words occurs closest before ``start`` (within the window), if any."""
    window = text[max(0, start - _CUE_WINDOW) : start]
    best: tuple[int, str] | None = None
    for group, cues in groups.items():
        for cue in cues:
            i = window.rfind(cue)
            if i >= 0 and (best is None or i + len(cue) > best[0]):
                best = (i + len(cue), group)
    return best[1] if best else None


def _is_credit_code(token: str, text: str, start: int) -> bool:
    """An 18-digit string that is a valid unified social credit code and is labelled as one."""
    return (
        len(token) == 18
        and _nearest_cue(text, start, {"credit": _CREDIT_CUES, "person": _PERSON_ID_CUES}) == "credit"
        and is_valid_uscc(token)
        and org_check_char(token[8:16]) == token[16]
    )


def luhn_ok(digits: str) -> bool:
    """The Luhn (ISO/IEC 7812) check used by bank card numbers."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _resident_ids(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _RESIDENT_ID_RE.finditer(norm):
        number = (m["a"] + m["b"] + m["c"]).upper()
        if not is_valid_resident_id(number) or not 1800 <= int(number[6:10]) <= 2100:
            continue
        if _is_credit_code(number, norm, m.start()):
            continue
        yield "resident_id", m.start(), m.end(), number[:6] + "*" * 8 + number[-4:]


def _mobiles(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _MOBILE_RE.finditer(norm):
        digits = re.sub(r"[ -]", "", m["num"])
        yield "mobile", m.start(), m.end(), (m["cc"] or "") + digits[:3] + "****" + digits[-4:]


def _landlines(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _LANDLINE_RE.finditer(norm):
        sub = m["sub"]
        yield "landline", m.start(), m.end(), m["area"] + m["s"] + "*" * (len(sub) - 2) + sub[-2:]


def _bank_cards(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _BANK_CARD_RE.finditer(norm):
        digits = re.sub(r"[ -]", "", m["num"])
        if not luhn_ok(digits):
            continue
        if _nearest_cue(norm, m.start(), {"ref": _REFERENCE_CUES, "account": _ACCOUNT_CUES}) == "ref":
            continue  # 项目编号, 索引号, 订单号 …: a reference number that happens to pass Luhn
        yield "bank_card", m.start(), m.end(), digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def _emails(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _EMAIL_RE.finditer(norm):
        yield "email", m.start(), m.end(), m["local"][0] + "***@" + m["domain"]


# ---------------------------------------------------------------------------------------------------------
# Names.

# About 200 common single surnames (百家姓 / 当代常见姓氏). Rare surnames that are everyday words (和、时、明、
# 平、国、原、海、公、司 …) are left out on purpose: they would turn ordinary words into "names".
SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
    "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成"
    "苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁巫寇郎甄丛虞敖巩佘邝谈匡鞠惠荆冀郁胥栗鄢谌奚粟冼蔺阚帅屠朴禹祖漆"
    "卿狄芮扈晁戈邸雍辜裘亓邰赫杭况宿逯茹诸嵇湛尉"
)
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
        "令狐", "端木", "西门", "南宫", "独孤", "轩辕", "百里", "呼延", "澹台", "公冶", "太史", "申屠", "钟离",
        "闻人", "万俟", "赫连", "拓跋", "第五", "司空", "淳于", "单于", "濮阳", "左丘",
    }
)  # fmt: skip

# Labels after which a person's name is expected ("联系人：张三").
NAME_LABELS = (
    "联系人", "姓名", "申请人", "负责人", "项目负责人", "技术负责人", "项目经理", "法定代表人", "法人代表",
    "经办人", "户主", "被处罚人", "当事人", "承办人", "委托代理人", "代理人", "投诉人", "举报人", "被申请人",
    "被执行人", "收件人", "填报人", "签收人", "领取人",
)  # fmt: skip
# Titles and verbs that come before a name next to a number ("主任张三 138…", "请联系张三 138…").
_TITLES = (
    "先生", "女士", "小姐", "同志", "老师", "师傅", "主任", "经理", "局长", "科长", "处长", "所长", "站长",
    "院长", "部长", "书记", "律师", "会计", "工程师", "总监", "董事长", "总经理", "厂长", "队长", "组长",
)  # fmt: skip
_NAME_CUES = (*NAME_LABELS, *_TITLES, "联系", "联系方式", "致电", "拨打", "咨询")
# Words at which a name stops ("张三先生", "张三电话", "张三等").
_STOP_WORDS = (
    *_TITLES, "电话", "手机", "身份证", "证件", "联系", "性别", "年龄", "住址", "地址", "职务", "职称", "邮箱",
    "账号", "帐号", "卡号", "号码", "民族", "出生", "籍贯", "单位", "负责", "代表", "签字", "签名", "盖章",
)  # fmt: skip
# Single characters at which a name stops, but only after surname + one character ("张三和李四"; "王和平").
_STOP_CHARS = frozenset("等和与及或的男女在是为系")
# Characters that do not occur in given names (so "黄山市", "张某", "马上" are no names).
_NON_NAME_CHARS = frozenset(
    "某的了是在等及或并之其这那您你我他她它们个上下区县市省镇乡村街路巷号楼栋室局委会厅处科部院所站队办司组团"
    "社校馆场厂店行网线台电话机址码证卡箱邮件询诉督购标投招采务管式案面"
)
# Words that make a candidate an organisation or a place, not a person.
_ORG_WORDS = (
    "公司",
    "单位",
    "中心",
    "政府",
    "集团",
    "银行",
    "学校",
    "医院",
    "机关",
    "街道",
    "社区",
    "委员",
    "办公",
    "部门",
    "管理",
    "交易",
)
# A leading character that is more likely a preposition than a surname when a shorter name also fits
# ("向李四 138…" → 李四).
_FUNCTION_CHARS = frozenset("向于和与及由请是为在对给找从将把被同跟让叫经")

_NAME_LABEL_RE = re.compile(
    "(?:"
    + "|".join(sorted(NAME_LABELS, key=len, reverse=True))
    + r")(?:[ \t\u3000]*[：:][ \t\u3000]*|[ \t\u3000]+)"
)
_GAP_WORDS = (
    "联系电话", "联系方式", "联系手机", "手机号码", "手机", "移动电话", "固定电话", "办公电话", "座机", "电话",
    "身份证号码", "身份证", "公民身份号码", "身份号码", "证件号码", "证件号", "银行卡", "银行账号", "银行帐号",
    "开户账号", "卡号", "账号", "帐号", "电子邮箱", "邮箱", "电子邮件", "邮件", "E-mail", "e-mail", "Email", "email",
)  # fmt: skip
_PUNCT = r"\s,，、;；:：（(【\[/|"
# What may stand between a name and the number after it: "张三 138…", "张三（身份证号：…", "张三，电话：…",
# "王五的手机是138…".
_GAP_BEFORE_RE = re.compile(
    rf"[{_PUNCT}]{{0,3}}的?(?:{'|'.join(sorted(_GAP_WORDS, key=len, reverse=True))})?(?:号码|号)?(?:是|为)?[：:]?\s{{0,2}}"
)
# What may stand between a number and a name after it: "138…（张三）", "138… 张三", "138…/张三".
_GAP_AFTER_RE = re.compile(r"[ \t\u3000（(【\[/、]{0,3}")
_MAX_GAP = 16
_MAX_RUN = 12


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _surname(candidate: str) -> str | None:
    """The surname of ``candidate`` if it reads as a 2–4 character personal name, else None."""
    if not 2 <= len(candidate) <= 4 or not all(_is_han(c) for c in candidate):
        return None
    if any(w in candidate for w in _ORG_WORDS):
        return None
    for surname in (candidate[:2], candidate[:1]):
        if surname not in COMPOUND_SURNAMES and surname not in SINGLE_SURNAMES:
            continue
        given = candidate[len(surname) :]
        if (
            1 <= len(given) <= 2
            and not any(c in _NON_NAME_CHARS for c in given)
            and not any(w in given for w in _STOP_WORDS)
        ):
            return surname
    return None


def _trim(run: str) -> str:
    """Cut a run of Han characters where a following word starts ("张三先生" → "张三")."""
    cut = len(run)
    for word in _STOP_WORDS:
        i = run.find(word, 1)
        if 0 < i < cut:
            cut = i
    first = 2 if run[:2] in COMPOUND_SURNAMES else 1
    for i in range(first + 1, cut):
        if run[i] in _STOP_CHARS:
            cut = i
            break
    return run[:cut]


def _han_run_from(text: str, pos: int) -> str:
    end = pos
    while end < len(text) and end - pos < _MAX_RUN and _is_han(text[end]):
        end += 1
    return text[pos:end]


def _name_ending_at(text: str, end: int) -> tuple[int, str] | None:
    """A name whose last character is ``text[end - 1]``: (start, surname)."""
    start = end
    while start > 0 and end - start < _MAX_RUN and _is_han(text[start - 1]):
        start -= 1
    run = text[start:end]
    cut = 0
    for cue in _NAME_CUES:
        i = run.rfind(cue)
        if i >= 0:
            cut = max(cut, i + len(cue))
    rest = run[cut:]
    options = [(n, s) for n in (4, 3, 2) if len(rest) >= n and (s := _surname(rest[-n:]))]
    if not options:
        return None
    n, surname = options[0]
    if rest[-n] in _FUNCTION_CHARS and len(options) > 1:
        n, surname = options[1]
    return end - n, surname


def _labelled_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Names after 联系人：, 姓名：, … (and a list of them joined by 、)."""
    for m in _NAME_LABEL_RE.finditer(text):
        pos = m.end()
        while True:
            candidate = _trim(_han_run_from(text, pos))
            surname = _surname(candidate)
            if not surname:
                break
            yield pos, pos + len(candidate), surname
            pos += len(candidate)
            if pos + 1 < len(text) and text[pos] == "、":
                pos += 1
            else:
                break


def _adjacent_names(text: str, anchors: Iterable[tuple[int, int]]) -> Iterable[tuple[int, int, str]]:
    """Names right before or after a number or e-mail address."""
    for a_start, a_end in anchors:
        for e in range(a_start, max(0, a_start - _MAX_GAP) - 1, -1):
            if e > 0 and _is_han(text[e - 1]) and _GAP_BEFORE_RE.fullmatch(text, e, a_start):
                found = _name_ending_at(text, e)
                if found:
                    yield found[0], e, found[1]
                    break
        pos = _GAP_AFTER_RE.match(text, a_end).end()
        candidate = _trim(_han_run_from(text, pos))
        if surname := _surname(candidate):
            yield pos, pos + len(candidate), surname


# ---------------------------------------------------------------------------------------------------------
# Public API.

# Overlaps are resolved in this order: an e-mail address wins over the digits in it, an identity number over a
# card number, and so on.
_NUMBER_SCANNERS = (_emails, _resident_ids, _bank_cards, _mobiles, _landlines)


def scan(text: str, *, names: bool = False) -> list[Finding]:
    """Find personal data in ``text``.

    Returns non-overlapping findings sorted by start. Names (自然人姓名) are only looked for when ``names``
    is true: after labels such as 联系人、姓名、经办人, and right next to another finding (张三 138…).
    """
    norm = _normalise(text)
    taken: list[tuple[int, int]] = []  # accepted spans, sorted and disjoint
    found: list[Finding] = []

    def add(kind: str, start: int, end: int, masked: str) -> None:
        i = bisect.bisect_left(taken, (start, end))
        if (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            return
        taken.insert(i, (start, end))
        found.append(Finding(kind, start, end, text[start:end], masked))

    for scanner in _NUMBER_SCANNERS:
        for kind, start, end, masked in scanner(norm):
            add(kind, start, end, masked)
    if names:
        anchors = [(f.start, f.end) for f in found if f.kind in _CONTACT_KINDS]
        for start, end, surname in (*_labelled_names(text), *_adjacent_names(text, anchors)):
            add("name", start, end, surname + "某")
    return sorted(found, key=lambda f: f.start)


def _check(text: str, finding: Finding) -> None:
    if text[finding.start : finding.end] != finding.text:
        raise ValueError(f"finding {finding.text!r} at {finding.start}–{finding.end} does not match the text")


def mask_finding(text: str, finding: Finding) -> str:
    """Replace one finding in ``text`` by its masked form (one-click masking)."""
    _check(text, finding)
    return text[: finding.start] + finding.masked + text[finding.end :]


def mask(
    text: str,
    findings: list[Finding] | None = None,
    *,
    names: bool = False,
    kinds: set[str] | None = None,
) -> str:
    """Return ``text`` with personal data masked.

    ``findings`` defaults to ``scan(text, names=names)``; ``kinds`` restricts masking to some kinds
    (e.g. ``{"resident_id", "bank_card"}``). Findings must come from this text and must not overlap.
    """
    if kinds is not None and not kinds <= KINDS:
        raise ValueError(f"unknown kinds: {sorted(kinds - KINDS)}")
    if findings is None:
        findings = scan(text, names=names)
    chosen = sorted((f for f in findings if kinds is None or f.kind in kinds), key=lambda f: f.start)
    pieces: list[str] = []
    pos = 0
    for f in chosen:
        _check(text, f)
        if f.start < pos:
            raise ValueError(f"overlapping findings at {f.start}")
        pieces += [text[pos : f.start], f.masked]
        pos = f.end
    pieces.append(text[pos:])
    return "".join(pieces)
