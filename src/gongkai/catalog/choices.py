from django.db import models


class Level(models.TextChoices):
    NATIONAL = "national", "国家"
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"


class Attribute(models.TextChoices):
    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    WITHHELD = "withheld", "不予公开"


class BodyKind(models.TextChoices):
    """Kinds of publishing bodies; organizations carry one, catalog items list those that may publish them."""

    GOVERNMENT = "government", "人民政府及其办公室"
    DEPARTMENT = "department", "政府部门"
    TRADING_CENTRE = "trading_centre", "公共资源交易中心"
    OWNER = "owner", "项目实施主体"
    STATE_ENTERPRISE = "state_enterprise", "国有企业"
    AGENCY = "agency", "招标采购代理机构"
    INSTITUTION = "institution", "事业单位"
    TOWNSHIP = "township", "乡镇人民政府、街道办事处"


LEVEL_ORDER = {Level.NATIONAL: 0, Level.PROVINCE: 1, Level.CITY: 2, Level.COUNTY: 3}
