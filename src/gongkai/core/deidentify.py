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
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from gongkai.core.codes import is_valid_resident_id, is_valid_uscc, org_check_char

KIND_LABELS: dict[str, str] = {
    "resident_id": "居民身份证号码",
    "mobile": "手机号码",
    "landline": "固定电话",
    "bank_card": "银行卡号",
    "email": "电子邮箱",
    "certificate": "个人执业资格证书编号",
    "name": "自然人姓名",
}
KINDS: frozenset[str] = frozenset(KIND_LABELS)
# Kinds next to which a name is looked for.
_CONTACT_KINDS = frozenset({"resident_id", "mobile", "landline", "bank_card", "email", "certificate"})


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind, its span ``text[start:end]``, and the masked replacement."""

    kind: str
    start: int
    end: int
    text: str
    masked: str
    # A number or address with a person's name right next to it ("张三 0551-62345678"): it is that person's,
    # not the publishing body's own contact line.
    linked: bool = False

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

# Resident identity numbers: 18 digits (GB 11643), or the 15 of the first generation (before 1999: 6-digit region,
# YYMMDD, 3-digit sequence), whole or written in groups 6-8-4 (6-6-3) with spaces or hyphens.
_RESIDENT_ID_RE = re.compile(
    _L + r"(?P<a>[1-8][0-9]{5})(?P<s>[ -]?)(?P<b>[0-9]{8})(?P=s)(?P<c>[0-9]{3}[0-9Xx])" + _R
)
_OLD_ID_RE = re.compile(_L + r"(?P<a>[1-8][0-9]{5})(?P<s>[ -]?)(?P<b>[0-9]{6})(?P=s)(?P<c>[0-9]{3})" + _R)
# Province-level codes (GB/T 2260), the first two digits of a region code.
_PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
    ]
)
# Mobiles: 11 digits from 13x–19x, whole or grouped 3-4-4 or 4-3-4 by spaces, hyphens or dots
# (138 1234 5678, 1381 234 5678, 138.1234.5678), with an optional +86 / 0086 / (+86) prefix.
_MOBILE_RE = re.compile(
    _L
    + r"(?P<cc>(?:\+|00)?86[ -]?|[(（]\+?86[)）] ?)?"
    + r"(?P<num>1[3-9][0-9](?:[0-9]{8}|(?P<s>[ .-])[0-9]{4}(?P=s)[0-9]{4}|[0-9](?P<t>[ .-])[0-9]{3}(?P=t)[0-9]{4}))"
    + _R
)
# Area codes: 010, 02x, 0xxx (x from 3). Subscriber numbers: 7 or 8 digits, not starting with 0; an extension
# may follow (0551-1234567转123, 0551-62345678-8001, 分机 8001).
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
    + r"(?P<ext>(?:转|分机|-|—|[Ee]xt\.?) ?[0-9]{1,5})?"
    + _R
)
_BANK_CARD_RE = re.compile(
    _L
    + r"(?P<num>[3-6][0-9]{15,18}|[3-6][0-9]{3}(?P<s>[ -])[0-9]{4}(?:(?P=s)[0-9]{4}){2}(?:(?P=s)[0-9]{1,3})?)"
    + _R
)
# Personal certificates: 注册建造师 registration numbers (a province's one-character name and 10–17 digits:
# 皖1342012201234567, 京111061012345) and 安全生产考核合格证书 numbers (皖建安B（2019）0012345). The digits after a
# province's name are never a phone number.
_PROVINCE_CHARS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_CERT_RE = re.compile(
    rf"(?P<prefix>[{_PROVINCE_CHARS}])(?P<digits>[0-9]{{10,17}})[A-Za-z]?(?![0-9A-Za-z])"
    rf"|(?P<prefix2>[{_PROVINCE_CHARS}]?建安[ABC] ?[（(\[〔【] ?[0-9]{{4}} ?[）)\]〕】] ?)(?P<digits2>[0-9]{{5,8}})(?![0-9A-Za-z])"
)
# A number after a personal certificate's label (注册编号：34012345) is that certificate's, unless the label is an
# enterprise's (资质证书编号, 安全生产许可证编号).
_CERT_LABEL_RE = re.compile(
    r"(?:注册编号|注册证书编号|注册证号|注册号码|执业证书编号|执业印章号|执业证号|资格证书编号|资格证号|"
    r"考核合格证书?编号|考核合格证号|建造师证号|证书编号|证书号|(?:建造师|工程师|造价师)注册号)[ \t:：]{0,3}"
    r"(?P<tok>[A-Za-z]{0,3}[0-9][0-9A-Za-z-]{5,24})(?![0-9A-Za-z])"
)
_CERT_CUES = ("注册", "编号", "证书", "建造师", "证号", "执业", "资格")
_ENTERPRISE_CERT_CUES = ("资质", "许可证", "营业执照", "企业", "公司", "体系认证", "产品")
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
    # amounts: a long number after 金额 or 报价 is money, not a card
    "金额",
    "价格",
    "报价",
    "中标价",
    "合同价",
    "预算",
    "限价",
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
    for m in _OLD_ID_RE.finditer(norm):
        number = m["a"] + m["b"] + m["c"]
        year = 1900 + int(number[6:8])
        if number[:2] not in _PROVINCES or year < 1910 or not _valid_date(year, number[8:10], number[10:12]):
            continue
        cue = _nearest_cue(
            norm, m.start(), {"person": _PERSON_ID_CUES, "ref": _REFERENCE_CUES, "account": _ACCOUNT_CUES}
        )
        if cue in ("ref", "account"):
            continue  # 注册号 (old 15-digit business registration), 项目编号, a card: not a person's number
        yield "resident_id", m.start(), m.end(), number[:6] + "*" * 6 + number[-3:]


def _valid_date(year: int, month: str, day: str) -> bool:
    try:
        dt.date(year, int(month), int(day))
    except ValueError:
        return False
    return True


def _mobiles(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _MOBILE_RE.finditer(norm):
        digits = re.sub(r"[ .-]", "", m["num"])
        yield "mobile", m.start(), m.end(), (m["cc"] or "") + digits[:3] + "****" + digits[-4:]


def _landlines(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _LANDLINE_RE.finditer(norm):
        sub = m["sub"]
        masked = m["area"] + m["s"] + "*" * (len(sub) - 2) + sub[-2:] + (m["ext"] or "")
        yield "landline", m.start(), m.end(), masked


def _bank_cards(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _BANK_CARD_RE.finditer(norm):
        digits = re.sub(r"[ -]", "", m["num"])
        if not luhn_ok(digits):
            continue
        if _nearest_cue(norm, m.start(), {"ref": _REFERENCE_CUES, "account": _ACCOUNT_CUES}) == "ref":
            continue  # 项目编号, 索引号, 订单号, 金额 …: a reference number or amount that happens to pass Luhn
        yield "bank_card", m.start(), m.end(), digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def _emails(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _EMAIL_RE.finditer(norm):
        yield "email", m.start(), m.end(), m["local"][0] + "***@" + m["domain"]


def _mask_serial(digits: str, keep_head: int = 0) -> str:
    """Digits of a certificate number with all but the first ``keep_head`` and the last two masked."""
    return digits[:keep_head] + "*" * (len(digits) - keep_head - 2) + digits[-2:]


def _certificates(norm: str) -> Iterable[tuple[str, int, int, str]]:
    for m in _CERT_RE.finditer(norm):
        if m["prefix"]:
            before = norm[max(0, m.start() - 12) : m.start()]
            if before and _is_han(before[-1]) and not any(cue in before for cue in _CERT_CUES):
                continue  # 张桂13812345678: a name ending in 桂 before a phone, not 桂 + a certificate
            tail = norm[m.end("digits") : m.end()]
            yield "certificate", m.start(), m.end(), m["prefix"] + _mask_serial(m["digits"], 3) + tail
        else:
            yield "certificate", m.start(), m.end(), m["prefix2"] + _mask_serial(m["digits2"])
    for m in _CERT_LABEL_RE.finditer(norm):
        window = norm[max(0, m.start() - _CUE_WINDOW) : m.start()]
        if any(cue in window for cue in _ENTERPRISE_CERT_CUES):
            continue
        token = m["tok"]
        if sum(c.isdigit() for c in token) < 6:
            continue
        head = len(token) - len(token.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
        masked = token[:head] + "".join("*" if c.isalnum() else c for c in token[head:-2]) + token[-2:]
        yield "certificate", m.start("tok"), m.end("tok"), masked


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
    # how tender and award notices name people (招标投标、政府采购公告)
    "招标人代表", "采购人代表", "建设单位代表", "业主代表", "投标人代表", "总监理工程师", "项目总监", "项目总工",
    "安全负责人", "专职安全员", "安全员", "施工员", "质量员", "质检员", "材料员", "资料员", "造价员", "联络人",
    "主要负责人", "单位负责人", "评标委员会成员", "评标委员会", "评标专家", "评审专家", "评审委员会成员",
    "评委会成员", "评委", "谈判小组成员", "磋商小组成员", "评审小组成员", "监标人", "记录人",
    # allocation lists and payments (保障性住房分配、补助资金发放)
    "开户名", "户名", "收款人", "分配对象", "保障对象", "配租对象", "补助对象", "受助对象", "承租人",
)  # fmt: skip
# A label may also run straight into the name ("联系人张三 138…", "当事人张三，男"), when the name then ends the phrase
# or one of these follows.
_TIGHT_FOLLOWERS = ("电话", "手机", "联系", "先生", "女士", "身份", "住", "同志")
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
    "社校馆场厂店行网线台电话机址码证卡箱邮件询诉督购标投招采务管式案面工人方"
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
# Everyday words that begin with a surname's character ("金额 6222…" is no 金某).
_NOT_NAMES = frozenset(
    [
        "金额",
        "金属",
        "余额",
        "高速",
        "高层",
        "高新",
        "高效",
        "高度",
        "高级",
        "方案",
        "方式",
        "方面",
        "项目",
        "万元",
        "常规",
        "程序",
        "任务",
        "文件",
        "安全",
        "通过",
        "田间",
        "石材",
        "白色",
        "黄色",
        "林地",
        "孔径",
        "钟点",
        "陈述",
        "严格",
        "严重",
        "周边",
        "周期",
        "周年",
        "于是",
        "江河",
        "蓝色",
        "宁可",
        "施工",
        "谈判",
        "应急",
        "华东",
        "东方",
        "连续",
        "经营",
        "许可",
        "计划",
        "时间",
        "牛奶",
        "龙头",
        "温度",
        "康复",
        "邮政",
        "韩国",
        "成本",
        "成交",
        "成果",
        "成员",
        "成立",
        "包括",
        "包装",
        "包干",
        "范围",
        "汤面",
        "梁柱",
        "史料",
        "齐全",
        "明确",
        "全部",
        "全面",
        "全体",
        "宋体",
        "尚未",
        "曾经",
        "路面",
        "季度",
        "苗木",
        "房屋",
        "江苏",
        "黎明",
        "符合",
        "党委",
        "党员",
        "沈阳",
        "武汉",
        "郑州",
        "贵阳",
        "宁波",
        "常州",
        "温州",
        "邵阳",
        "岳阳",
        "文明",
        "文化",
        "文字",
        "谷物",
        "卫生",
        "卓越",
        "左右",
        "甘肃",
        "管道",
        "简易",
        "包装",
        "车辆",
        "车间",
        "项目部",
        "席位",
        "水平",
        "易于",
    ]
)
# A leading character that is more likely a preposition than a surname when a shorter name also fits
# ("向李四 138…" → 李四).
_FUNCTION_CHARS = frozenset("向于和与及由请是为在对给找从将把被同跟让叫经")

_SPACE = "[ \t\u3000]"


def _spaced(label: str) -> str:
    """A label whose characters may be spread by spaces, as in tables typeset to align (联 系 人：)."""
    return f"{_SPACE}*".join(re.escape(c) for c in label)


_NAME_LABEL_RE = re.compile(
    "(?:"
    + "|".join(_spaced(lb) for lb in sorted(NAME_LABELS, key=len, reverse=True))
    + rf")(?:[（(][^）)\n]{{1,8}}[）)])?(?:名单|姓名|为)?(?:{_SPACE}*[：:][ \t\u3000\r\n]*|{_SPACE}*[\r\n]+{_SPACE}*|{_SPACE}+)"
    + "|(?P<tight>"
    + "|".join(_spaced(lb) for lb in sorted(NAME_LABELS, key=len, reverse=True))
    + ")"
)
_GAP_WORDS = (
    "联系电话", "联系方式", "联系手机", "手机号码", "手机", "移动电话", "固定电话", "办公电话", "座机", "电话",
    "身份证号码", "身份证", "公民身份号码", "身份号码", "证件号码", "证件号", "银行卡", "银行账号", "银行帐号",
    "开户账号", "卡号", "账号", "帐号", "电子邮箱", "邮箱", "电子邮件", "邮件", "E-mail", "e-mail", "Email", "email",
    "注册编号", "证书编号", "注册证书编号",
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
    if any(w in candidate for w in _ORG_WORDS) or candidate in _NOT_NAMES or candidate[:2] in _NOT_NAMES:
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


_DOTS = "·•・‧．.∙"
_MINORITY_RE = re.compile(rf"[\u4e00-\u9fff]{{1,8}}(?:[{_DOTS}][\u4e00-\u9fff]{{1,10}})+")
_TITLED = ("先生", "女士", "小姐")
# A row of a staff or candidate table: a name, then its qualification or post ("袁胜刚,注册二级建造师,皖134…",
# "张三，男，1975年生").
_ROLE_WORDS = (
    "建造师", "工程师", "造价师", "经济师", "会计师", "项目经理", "项目负责人", "技术负责人", "安全员", "施工员",
    "质量员", "质检员", "材料员", "资料员", "造价员", "监理员", "总监", "教授", "研究员",
)  # fmt: skip
_ROW_NAME_RE = re.compile(
    r"(?<![\u4e00-\u9fff·])(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff])"
    r"[ \t\u3000]*[,，、|\t][ \t\u3000]*"
    r"(?=(?:注册|一级|二级|高级|中级|初级|助理|专职|正高级)*(?:"
    + "|".join(_ROLE_WORDS)
    + r")|[男女](?![\u4e00-\u9fff]))"
)
# A numbered row of a list of people ("1. 张伟 金安区城北乡 3人", "（2）刘洋，…").
_NUMBERED_ROW_RE = re.compile(
    r"(?m)^[ \t\u3000]*(?:[0-9]{1,3}[.、．)）]?|[（(][0-9]{1,3}[）)])[ \t\u3000]*(?=[\u4e00-\u9fff])"
)
# Characters between the names of a list ("李同献、高莉、王五", "李同献 高莉").
_LIST_SEP_RE = re.compile(
    r"(?:[（(][^）)\n]{1,8}[）)])?(?:[ \t\u3000]*[、,，;；/][ \t\u3000]*|[ \t\u3000]+)"
)  # a remark may follow a name: 张三（组长）、李四


def _masked_name(surname: str) -> str:
    return surname + "某"


def _name_at(text: str, pos: int) -> tuple[int, str] | None:
    """A name starting at ``pos`` — plain (张三), minority (阿依古丽·买买提), spread by a space (侯 民) or a surname with
    先生/女士 (张先生): (end, masked form)."""
    if pos >= len(text) or not _is_han(text[pos]):
        return None
    m = _MINORITY_RE.match(text, pos)
    if m and sum(_is_han(c) for c in m.group()) >= 3:
        return m.end(), text[pos] + "某"
    for n in (2, 1):
        surname = text[pos : pos + n]
        if surname in COMPOUND_SURNAMES or surname in SINGLE_SURNAMES:
            for title in _TITLED:
                if text.startswith(title, pos + n):
                    return pos + n + len(title), "某" + title
    candidate = _trim(_han_run_from(text, pos))
    if surname := _surname(candidate):
        return pos + len(candidate), _masked_name(surname)
    spaced = re.compile(
        r"(?P<s>[\u4e00-\u9fff])[ \u3000]{1,3}(?P<g>[\u4e00-\u9fff])(?![\u4e00-\u9fff])"
    ).match(text, pos)
    if spaced and spaced["s"] in SINGLE_SURNAMES and _surname(spaced["s"] + spaced["g"]):
        return spaced.end(), _masked_name(spaced["s"])
    return None


def _name_list(text: str, pos: int) -> Iterable[tuple[int, int, str]]:
    """The names starting at ``pos``: one, or a list of them (李同献、高莉、王五)."""
    while True:
        found = _name_at(text, pos)
        if not found:
            return
        end, masked = found
        yield pos, end, masked
        sep = _LIST_SEP_RE.match(text, end)
        if not sep or sep.end() >= len(text):
            return
        pos = sep.end()


def _name_ending_at(text: str, end: int) -> tuple[int, int, str] | None:
    """A name that ends at ``end`` (or before 先生/女士 there): (start, end, masked form)."""
    start = end
    while start > 0 and end - start < _MAX_RUN and _is_han(text[start - 1]):
        start -= 1
    run = text[start:end]
    if start > 1 and text[start - 1] in _DOTS and _is_han(text[start - 2]):  # 阿依古丽·买买提
        first = start - 1
        while first > 0 and (_is_han(text[first - 1]) or text[first - 1] in _DOTS) and end - first < 24:
            first -= 1
        m = _MINORITY_RE.fullmatch(text, first, end)
        if m:
            return first, end, text[first] + "某"
    if len(run) == 1:  # 侯 民
        m = re.search(
            r"(?<![\u4e00-\u9fff])(?P<s>[\u4e00-\u9fff])[ \u3000]{1,3}$", text[max(0, start - 5) : start]
        )
        if m and m["s"] in SINGLE_SURNAMES and _surname(m["s"] + run):
            return start - len(m.group()), end, _masked_name(m["s"])
    for title in _TITLED:
        if run.endswith(title) and len(run) > len(title):
            inner = _plain_name_ending_at(text, start, end - len(title))
            if inner:  # 张三先生 138… → 张三
                return inner
            head = run[: -len(title)]
            for n in (2, 1):
                if head[-n:] in COMPOUND_SURNAMES or (n == 1 and head[-1:] in SINGLE_SURNAMES):
                    return end - len(title) - n, end, "某" + title  # 张先生 138…
            return None
    return _plain_name_ending_at(text, start, end)


def _plain_name_ending_at(text: str, start: int, end: int) -> tuple[int, int, str] | None:
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
    return end - n, end, _masked_name(surname)


def _labelled_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Names after 联系人：, 项目负责人⏎, 评标委员会成员： … (and a list of them)."""
    for m in _NAME_LABEL_RE.finditer(text):
        if m["tight"]:
            found = _name_at(text, m.end())
            # Without a colon or space the name must end the phrase: 联系人张三 138…, 户主李四的…, not 当事人陈述申辩.
            if not found or (
                found[0] < len(text)
                and _is_han(text[found[0]])
                and text[found[0]] not in _STOP_CHARS
                and not text.startswith(_TIGHT_FOLLOWERS, found[0])
            ):
                continue
        yield from _name_list(text, m.end())


def _row_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Names at the head of a staff or candidate row (袁胜刚,注册二级建造师,…) or of a numbered row of people
    (1. 张伟 金安区…)."""
    for m in _ROW_NAME_RE.finditer(text):
        found = _name_at(text, m.start("name"))
        if found and found[0] == m.end("name"):
            yield m.start("name"), found[0], found[1]
    for m in _NUMBERED_ROW_RE.finditer(text):
        found = _name_at(text, m.end())
        if found and (found[0] == len(text) or text[found[0]] in " \t\u3000,，、|"):
            yield m.end(), found[0], found[1]


def _adjacent_names(text: str, anchors: Iterable[tuple[int, int]]) -> Iterable[tuple[int, int, str, int]]:
    """Names right before or after a number or e-mail address: (start, end, masked, index of the anchor)."""
    for index, (a_start, a_end) in enumerate(anchors):
        for e in range(a_start, max(0, a_start - _MAX_GAP) - 1, -1):
            if e > 0 and _is_han(text[e - 1]) and _GAP_BEFORE_RE.fullmatch(text, e, a_start):
                found = _name_ending_at(text, e)
                if found:
                    yield *found, index
                    break
        pos = _GAP_AFTER_RE.match(text, a_end).end()
        if found_after := _name_at(text, pos):
            yield pos, found_after[0], found_after[1], index


# Masked values already in the text (110105********002X, 138****5678): no longer personal data, but a name next to
# one is still a name (masking the number must not hide the name beside it).
_MASKED_RE = re.compile(rf"[{_PROVINCE_CHARS}]?[0-9A-Za-z+()（）-]{{0,10}}\*{{3,}}[0-9A-Za-z@.\-]{{0,40}}")


# ---------------------------------------------------------------------------------------------------------
# Public API.

# Overlaps are resolved in this order: an e-mail address wins over the digits in it, an identity number over a
# card number, and so on.
_NUMBER_SCANNERS = (_emails, _certificates, _resident_ids, _bank_cards, _mobiles, _landlines)


def scan(text: str, *, names: bool = False, person_field: bool = False) -> list[Finding]:
    """Find personal data in ``text``.

    Returns non-overlapping findings sorted by start. Names (自然人姓名) are only looked for when ``names``
    is true: after labels such as 联系人、项目负责人、评标委员会成员 (spaced, across a line break, in lists), at the head
    of a staff row (袁胜刚,注册二级建造师,…), and right next to another finding (张三 138…), also when that one is
    already masked. A ``person_field`` is a value that holds names by design (户主姓名): names are read from its
    start. Landlines and e-mail addresses with a name next to them are marked ``linked``.
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
    if not names:
        return sorted(found, key=lambda f: f.start)
    numbers = sorted((f for f in found if f.kind in _CONTACT_KINDS), key=lambda f: f.start)
    anchors = [(f.start, f.end) for f in numbers]
    anchors += [m.span() for m in _MASKED_RE.finditer(text) if "*" in m.group()]
    linked: set[int] = set()
    candidates: list[tuple[int, int, str]] = []
    if person_field:
        candidates += _name_list(text, len(text) - len(text.lstrip()))
    candidates += [*_labelled_names(text), *_row_names(text)]
    for start, end, masked, index in _adjacent_names(text, anchors):
        candidates.append((start, end, masked))
        linked.add(index)
    for start, end, masked in candidates:
        add("name", start, end, masked)
    # A contact group belongs to the person it starts with: 联系人：王芳，电话：0564-…，邮箱：wf@…
    for index in range(1, len(numbers)):
        if index - 1 in linked and _GAP_BEFORE_RE.fullmatch(
            text, numbers[index - 1].end, numbers[index].start
        ):
            linked.add(index)
    if linked:
        pos = {(f.start, f.end): i for i, f in enumerate(found)}
        for index in linked:
            if index < len(numbers):
                f = numbers[index]
                found[pos[(f.start, f.end)]] = replace(f, linked=True)
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
