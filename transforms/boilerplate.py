"""Boilerplate lines: THE one list of patterns, shared by the parsers and the GX gate.

Every pattern is a whole-line regex: `(?im)` + `^ ... $`. Python reads the inline
flags as IGNORECASE|MULTILINE; Postgres ARE reads `(?i)` as case-insensitive and `(?m)`
(historical synonym of `n`) as newline-sensitive, where `^`/`$` also match at line
breaks. So each pattern can be used as-is on a whole multi-line body:
`re.search(p, body)` in Python/pandas, `body ~ p` in Postgres. They use no lookaround,
no backreferences and no `\\S`/`\\D`/`\\W` inside brackets, so both engines accept them.

A pattern must never match a sentence of a real article: they are anchored on both
ends and only describe lines that are page furniture (print/close links, text-size
switches, share-icon letters, copyright footers, "Read more:" links, hashtag lines,
breadcrumbs, CMS credits, hit counters, article-info lines).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Final

from transforms.fastre import longest_on_normalized
from transforms.pagere import ASCII_CHARS, edge_matcher, opening_strings
from transforms.spacing import normalize_space

# Full-width 【Print】 【Close】 (Hanweb), also with ASCII brackets, and with the outer brackets cut off the
# line's ends: "print】 【close" (en.sx.gov.cn). A bracket after the first word is still needed ("Print" alone
# is ACTIONS').
# Also "Top" with them ("Top】 【Print】 【Close" closing a culture bureau's page, wglyj.ningbo.gov.cn t673, gathered
# after the twenty-second tune_other pass's rules).
_PRINT_WORD: Final = r"(print|close|print this page|close window|top|back to top)"
PRINT_CLOSE: Final = (r"(?im)^ *[【\[]? *" + _PRINT_WORD + r" *[】\]] *([【\[] *" + _PRINT_WORD + r" *[】\]]? *)*$")
# "Text Size: A A A" (Hanweb), optionally glued to the date cell: "2019-08-18Text Size: A A A"; or after an agency
# and the date, "Adjust" before it ("Xinhua, January 15, 2016 Adjust font size:", china.org.cn's gateway
# en.chinagate.cn, tune_sites s280, metrics24).
TEXT_SIZE: Final = (
    r"(?im)^([0-9 :./-]*|[a-z][a-z.' ]{0,30}, +(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2},?"
    r" +(19|20)[0-9]{2} +adjust +(the +)?)(text|font) size *[:：]?"
    r"( *(a|a\+|a-|large|medium|small|big|default|\[ *(large|medium|small|big) *\]))*"
    r"( *(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2})? *$"
)
# Joomla module "Visit Charity Shop" (ningbolife).
CHARITY_SHOP: Final = r"(?im)^ *visit (our )?charity shop *$"
# Icon-font share links rendered as single letters ("f t g m"), or "A A A".
SHARE_LETTERS: Final = r"(?im)^ *[a-z]( +[a-z]){2,} *$"
# "Copyright 2020 - Custom text here", "Copyright © 2019 ... All Rights Reserved", "© 2022 Ningbo Life"; an "@"
# typed for the sign ("Copyright @2015 Zhejiang University Ningbo Inst", cut off, english.nit.net.cn t938, the
# thirty-fourth tune_other pass).
COPYRIGHT: Final = (
    r"(?im)^ *((copyright|©|\(c\))( *(©|\(c\)|@))* *(19|20)[0-9][0-9]"
    r"( *[-–] *(19|20)[0-9][0-9])?( *[-–|,.:]? .{0,120})?"
    # a stock photo's credit alone, its number and owner or the owner only ("Foto 51403746 © Minipig5188" /
    # "© Minipig5188" over the lead, theloadstar.com t518, after the seventeenth pass's rules); an organisation's name
    # of up to five words alone after the sign ("© China Rubber Industry Association" in a footer, en.cria.org.cn t561,
    # the nineteenth tune_other pass)
    r"|((foto|photo|image|picture) +[0-9]{3,12} +)?© *[^\s©.,;:!?]{2,30}( +[^\s©.,;:!?]{2,30}){0,4}) *$"
)
# "Copyright © Information Office of ... All Rights Reserved." (no year), also misspelt as sites print it:
# "Copyright fao.ningbo.gov.cn All right served.".
COPYRIGHT_RIGHTS: Final = r"(?im)^ *(copyright|©).{0,200}all rights? (re)?served *\.? *$"
# Chinese site licence numbers "浙ICP备05015023号" (footers).
ICP_LICENCE: Final = r"(?im)^.{0,200}icp *(备|证)[ 0-9-]{4,}号?.{0,200}$"
# "All Rights Reserved." as a line of its own (footer).
RIGHTS_RESERVED: Final = r"(?im)^ *all rights reserved *\.? *$"
# Joomla blog "Read more: <title>..." / "Read more ..." links; a related box's label "Read also" (eng.khovar.tj t549,
# the eighteenth tune_other pass).
READ_MORE: Final = r"(?im)^ *read +(more|also) *(([:：.…»>]|\.\.\.).{0,200})?$"
# Hashtag-only lines "#ningbo #expat #news #china".
HASHTAGS: Final = r"(?im)^ *(#[^\s#]+ *)+$"
# Breadcrumb trails "> News > In the City > Hot Topic", "Home > News > Ningbo News".
# The items of the trail patterns below neither start nor end with a space (nor, where "- >" is a
# separator, end with "-"): the spaces around a separator belong to it alone. An item that might
# take them too ("[^>]{1,60}" beside " *") gives a line of N items 2^N ways to split, all tried
# when the line fails at its end ("> ab > ab > ... > " and 61 more characters took 13 s at N=10).
BREADCRUMB = r"(?im)^ *(>|»|›) *[^>»›\n ]([^>»›\n]{0,58}[^>»›\n ])?( *(>|»|›) *[^>»›\n ]([^>»›\n]{0,58}[^>»›\n ])?)* *$"
BREADCRUMB_HOME: Final = (
    r"(?im)^ *((you are here|current location|current position|location|position) *[:：]? *)?"
    r"(home|english|首页) *(>>|>|»|›|- *>) *[^>»›\n ]([^>»›\n]{0,118}[^>»›\n -])?"
    r"( *(>>|>|»|›|- *>) *[^>»›\n ]([^>»›\n]{0,118}[^>»›\n -])?)* *$"
)
# The label takes a colon, or a dash between spaces: "Current location - Network - Section - <headline>".
# With an article before the label ("The current position: Home > 参展流程 >", a trade fair's page whose Chinese crumb
# is left open, en.nbplas.com t873, the thirty-first tune_other pass).
BREADCRUMB_LABEL: Final = (r"(?im)^ *(the +)?(you are here|current location|current position) *([:：]| +[-–] +)"
                           r".{0,200}$")
# Slash-separated trails after Home, the last item often the headline itself: "Home / Fenghua",
# "Home / News / China's small household appliances have exploded in Africa, ...".
# Also a menu of bar-separated items after Home, a stray bar closing it ("Home | New Year Gala | Year of Tiger |
# Festival Traditions | Videos & Audios | Photo Gallery |", a festival special's menu over its headline,
# en.chinaculture.org t611, the twentieth tune_other pass): three items or more, none starting or ending with a
# space (see above) nor ending with a full stop.
BREADCRUMB_SLASH: Final = (r"(?im)^ *(home|首页) *([/\\] *[^/\\\n]{1,160}( *[/\\] *[^/\\\n]{1,160}){0,6}"
                           r"|[|｜] *[^|｜\n ]([^|｜\n]{0,58}[^|｜\n .])?"
                           r"( *[|｜] *[^|｜\n ]([^|｜\n]{0,58}[^|｜\n .])?){1,9}"
                           r"( *[|｜])?) *$")
# Trails of three or more short items without a leading marker, stray bars after them:
# "Full Coverages>China>Linking Zhejiang>News | ||" (a single ">" in a sentence is not one). No item
# holds "<": text with markup in it ("<img src=x onerror=...> <script>...</script>") is the article's own
# words, to be stored verbatim and escaped where shown, never dropped as a trail. The last item may be a headline of
# up to 120 characters ("Chamber of Shipping > Blog > News > International > Further lockdowns at Ningbo being
# watched", under that headline on shippingmatters.ca t307, gathered after the eleventh pass's rules), one without a
# comma and not ending in a full stop: "Exports rose > imports > investment, in that order, the bureau said." is a
# sentence.
BREADCRUMB_CHAIN: Final = (r"(?im)^ *[^<>»›|\n ]([^<>»›|\n]{0,38}[^<>»›|\n ])?"
                           r"( *(>>|>|»|›) *[^<>»›|\n ]([^<>»›|\n]{0,38}[^<>»›|\n ])?)+"
                           r" *(>>|>|»|›) *([^<>»›|\n ]([^<>»›|\n]{0,38}[^<>»›|\n ])?"
                           r"|[^<>»›|,\n ]([^<>»›|,\n]{0,118}[^<>»›|,.\n ])?)( *[|])* *$")
# Hanweb credit "Produced By 大汉网络 大汉版通发布系统".
CMS_CREDIT: Final = r"(?im)^ *(produced|powered|supported|designed|developed) by *.{0,40}(大汉|hanweb).{0,60}$"
# A statistics widget's label left as a line of its own, "站长统计" (site statistics: ningbo.chinadaily.com.cn t319,
# twelfth pass), "网站统计"; a live-chat button's label, "在线客服" (online service: www.chinaebr.com t427, fifteenth
# pass).
CMS_CREDIT_CN: Final = r"(?im)^ *((大汉网络|大汉版通).{0,60}|(站长|网站)统计|在线客服) *$"
# Hit counters "Hits: 1234", "Views: 56", "浏览次数：12"; "Pageviews: 1" as one word (en.transways.com.cn, tune_sites
# s264, metrics23: read as a count).
HIT_COUNTER: Final = (
    r"(?im)^ *(hits|views|visits|page ?views|visit count|read count|reads|clicks|"
    r"浏览次数|访问量|点击数|点击率|阅读次数) *[:：] *[0-9,]* *(times)? *$"
)
# Joomla article-info lines "Category: Ningbo News", "Published: Friday, 24 May 2019 16:54"; a category line run
# together ("Categories: Ports Coastal/Inland Containers Terminals Container Shipping", www.maritimeprofessional.com
# t437, after the fifteenth pass's rules).
ARTICLE_INFO: Final = (
    r"(?im)^ *(category|categories|parent category|published|created|last updated|written by|"
    r"published on|created on) *[:：].{0,100}$"
)
# A taxonomy label behind an emoji, a recipe card's meta lines ("🌍 Cuisine: Chinese", "🏷️ Category: Dessert" under a
# recipe's headline, dishwhiz.info t961, the thirty-fifth tune_other pass; its "⏱️ Prep: 45 minutes" is the recipe's
# text): the emoji opens the line, so a line opening with a letter never reaches the pattern.
EMOJI_LABEL: Final = (
    r"(?im)^ *[☀-➿🌀-🫿]️? *(category|categories|cuisine|tags?|keywords?) *[:：] *[^\n]{1,60}$"
)
# Joomla's info block (dl.article-info) as a list-reading extractor renders it: "- Details",
# "- Category: Distrct News", "- Published: Friday, 12 June 2020 10:20", "- Written by Ningbo Life",
# "- Hits: 2417", or one line "Details - Category: Distrct News - Published: Friday, 12 June 2020 10:20"
# (a Beez3 article the Joomla template missed went through the generic extractor with it).
ARTICLE_INFO_LIST: Final = (
    r"(?im)^ *(([-*•·] +)?details"
    r"( +([-*•·|] +)?(category|parent category|published|created|last updated|modified|hits|written by)"
    r" *[:：]? .{0,200})?"
    r"|[-*•·] +((category|parent category|published|created|last updated|modified|hits) *[:：].{0,100}"
    r"|written by +.{1,60})) *$"
)
# Attribution lines "Source: Ningbo Daily", "Editor: Wang Li", "责任编辑：王丽".
ATTRIBUTION: Final = (
    r"(?im)^ *[(（]? *((executive|chief|responsible|web|managing) +)?"
    r"(source|editor|editors|editor +in +charge|author|reporter|reporters|publisher|translator|translated by|"
    r"edited by|via|"
    r"proofread by|photo editor|责任编辑|来源|作者|编辑) *[:：] *[^:：]{1,80}[)）]? *$"
)
# The credits under a video, a role and names only: "Video directors: Zhang Meng, Shi Chan", "Video editors: Zhang
# Meng, Shi Chan", "Camera: Hu Rui", "Cover photo designer: Liang Qian", "Producers: Li Meng, Li Tianfu",
# "Supervisor: Liu Yuqi" (CGTN). Up to four words a name and no full stop: "Director: We agreed on it." is a line
# of an interview, not a credit.
_CREDIT_NAME: Final = r"[a-z][a-z'-]*( +[a-z][a-z'-]*){0,3}"
# Also the text's and the pictures' credits on one line, maybe with a reprint condition in parentheses ("Text: Flower
# Dad / Picture: Flower Mom (Originally published, may not be reproduced without the author's consent)",
# www.ningbo-china.com t493, gathered after the sixteenth tune_other pass's rules).
CREDIT_LINE: Final = (
    r"(?im)^ *(((video|cover +photo|photo|graphics?|art|senior|chief|executive|assistant) +)?"
    r"(directors?|editors?|producers?|camera|cameraman|videographers?|photographers?|designers?|supervisors?)"
    r" *[:：] *" + _CREDIT_NAME + r"( *(,|&|and) *" + _CREDIT_NAME + r"){0,5}"
    r"|(text|words|story) *[:：] *" + _CREDIT_NAME + r" *[/|] *(pictures?|photos?|photography|images?) *[:：] *"
    + _CREDIT_NAME + r"( *[(（][^)）\n]{0,120}[)）])?"
    # a photographer's credit alone, maybe after the picture's kind in brackets ("(Aerial photo) Photographed by China
    # News Agency reporter Wang Gang", www.tellerreport.com t523, the eighteenth tune_other pass): no sentence's stop
    r"|([(（][a-z][a-z -]{1,30}[)）] *)?(photographed|filmed) +by +[a-z][^.!?\n]{1,80}) *$"
)
# Action links "Print Email", "Print | Email", a lone "Share" (China Daily), a lone "Save" under "Print" (the twelfth
# tune_other pass: en.chinaculture.org's 2010 layout, t325), "Printing Forwarding" (en.chinaleather.org t438, after
# the fifteenth pass's rules); a dialog's "close" alone and a social box's "Follow Us:" (a cookie banner's button,
# ningbo.chinadaily.com.cn t572; en.cria.org.cn t561's footer, the nineteenth tune_other pass).
# A tool naming what it acts on ("Print Recipe", glued to its copy: "Print RecipePrint Recipe" under a recipe's
# picture, recipes.latimes.com t963, the thirty-fifth tune_other pass).
_ACTION_WORD: Final = (r"((print|email|e-mail|share|save)( +(this +)?(recipe|article|story|page|post))?"
                       r"|printing|tweet|forward|forwarding|close|follow +us( +on)? *[:：]?)")
ACTIONS: Final = r"(?im)^ *" + _ACTION_WORD + r"( *[|/]? *" + _ACTION_WORD + r"){0,4} *$"
# Joomla article navigation "« Prev", "Next »", "Prev Next".
PAGE_NAV: Final = (
    r"(?im)^ *[«‹<]? *(prev|previous|next|last)( (article|page))? *[»›>]?"
    r"( +[«‹<]? *(prev|previous|next|last)( (article|page))? *[»›>]?)? *$"
)
# News-portal header lines seen on other English Ningbo sources (China Daily, district
# governments, university sites):
# "Updated:2020-01-21 (chinadaily.com.cn)", "chinadaily.com.cn| Updated:  June 16, 2022 L M S",
# "Last Updated(Beijing Time):2017-08-09 10:18:00", "Release date:2019-05-30Browse times: Size:[ big middle small ]",
# "Release time:Apr 14, 2024 05:48 AM", "Xinhua| Updated:  December 19, 2022 L M S" (a source name before the bar),
# after empty author or source fields, the label glued: "Author: Posttime:2022-07-28 08:44:49" (m.simic.net.cn t284,
# eleventh pass), or with a one-word value each ("Author:unknown  Source:unknown   Release time:2015-11-27 10:51:06
# Browse the number:", english.nit.net.cn t711, the twenty-fourth tune_other pass).
DATED_HEADER: Final = (
    r"(?im)^ *([a-z0-9][a-z0-9.' -]{0,40}[|｜] *)?"
    r"((author|source|editor|reporter) *[:：] *([a-z][a-z.'-]{0,30} +)?){0,3}(last +)?"
    r"(updated?|release +(date|time)|publish(ed|ing)? +(date|time|on)|publication +date|posted +(on|at|date)|"
    r"post *(date|time)|issued? +(date|on)|date +(published|posted|issued)) *([(] *beijing +time *[)])? *[:：]"
    r".{0,100}$"
)
# Print/mail/size widgets: "Print Mail Large Medium Small", "Tool: Close | Print", an e-paper's
# "放大 缩小 默认" (enlarge, shrink, default size), a government page's "打印本页 关闭窗口" (print this page,
# close the window).
# An e-paper's links to the previous and next article before its size switch, the previous one's arrow left as a
# digit ("3 上一篇 放大 缩小 默认", the Ningbo Daily e-paper, the thirteenth tune_other pass t358).
# A post's link bar "back | top | print" closing a logistics firm's news page (www.dachser.com t917, the thirty-third
# tune_other pass): "back" and "top" among the tools, never alone (a lone "Top" is SITE_WIDGETS').
_TOOL_WORD: Final = (r"(print|mail|e-mail|email|close|large|medium|small|big|middle|back|top"
                     r"|放大|缩小|默认|打印本页|打印|关闭窗口|关闭|上一篇|下一篇)")
PAGE_TOOLS: Final = r"(?im)^ *(tools? *[:：] *|[0-9] +)?" + _TOOL_WORD + r"( *([|/] *)?" + _TOOL_WORD + r")+ *$"
# Bylines on a line of their own: "By Jin Lu", "by Xie Ye", "By D J Clark (" (cut at its parenthesis), "By: Sarah
# Yardley" (a colon after "By", prlog.org t221); the writer's post after a comma, up to four words of up to 16
# letters ("by Lisa Movius, Shanghai Editor", www.movius.us t525, the eighteenth tune_other pass); a dash glued
# before "By" ("-By Shao Shengliang, Huang Hui" under a college's info line, english.nit.net.cn t938, the
# thirty-fourth tune_other pass; a bullet has a space after it: "- By train" is a list's item, not a byline).
BYLINE: Final = (
    r"(?im)^ *([-–—]|(written|edited|translated|compiled|reported|photos?)( +and +(edited|translated|compiled))? +)?"
    r"by( *[:：] *| +)[a-z][a-z'.-]*( +(&|and|[a-z][a-z'.-]*)){0,4}"
    r" *([(（][^)）\n]{0,40}[)）]?|, *[a-z][a-z'.-]{0,15}( +[a-z][a-z'.-]{0,15}){0,3})? *$"
)
# The writer's post alone on the line under a closing byline ("By Martina Li" / "Asia Correspondent", a container-news
# page, tune_sites s336, the metric passes' lead, the thirty-fifth tune_other pass): up to two words of up to 16
# letters, then the post's noun; a line of its own never holds an article's sentence.
WRITER_POST: Final = (
    r"(?im)^ *([a-z][a-z'-]{0,15} +){0,2}(correspondent|reporter|editor|columnist|contributor)s? *$"
)
# Image alt texts rendered as text: "Xie's visit to Yongjiang Lab-thumbnail image", "example image alt text".
IMAGE_ALT: Final = r"(?im)^.{0,120}(thumbnail image|image alt text|[- ]logo) *$"
# A cookie banner's lines (ningbo.chinadaily.com.cn t572, the nineteenth tune_other pass): its heading and links, two
# or more policies' names joined ("Our Privacy Statement & Cookie Policy", "Privacy Policy and Terms of Use"), and its
# sentence ("By continuing to browse our site you agree to our use of cookies, Privacy Policy and Terms of Use. ...").
_POLICY_NAME: Final = (r"(privacy +(policy|statement|notice)|cookies? +(policy|notice|statement|settings)"
                       r"|terms +of +(use|service)|terms +(and|&) +conditions)")
COOKIE_NOTICE: Final = (
    r"(?im)^ *((our +)?" + _POLICY_NAME + r"( *(&|and|,) *(our +)?" + _POLICY_NAME + r"){1,3} *[.]?"
    r"|(by +(continuing|using +(this|our) +(site|website))|(we|this +(site|website)) +uses? +cookies +(to|on|and) )"
    r"[^\n]{0,200}cookies[^\n]{0,250}) *$"
)
# Portal links "Make Us You Homepage", "Set as homepage | Add to favorites".
HOMEPAGE_LINKS: Final = (
    r"(?im)^ *(make +(us|this +site) +(you|your) +home *page|set +as +home *page|add +to +favou?rites"
    # a link to the site's other layout ("View on mobile" above a case page's headline, cbri.group t682, the
    # twenty-third tune_other pass)
    r"|view +(on|in) +(mobile|desktop)|(view +)?(mobile|desktop|full) +(site|version))"
    r"( *[|/] *(set +as +home *page|add +to +favou?rites))* *$"
)

# A line that is only a date (and time): "2019-08-18", "2019-08-18 10:21", "Published on 2019/8/18",
# "Friday, 24 May 2019 16:54", "May 24, 2019", "Date: 06/05/2023", "2022 December 29 09:08",
# "Friday, April 28, 2000, updated at 13:21(GMT+8)", "[2019-05-30]",
# an e-paper's "2021年03月29日 星期一" (the weekday after the date), "22-Jul-2020", the time before the date
# ("Updated 10:28, 15-May-2023", CGTN), a dot after the day ("1. March 2020", www.flybarbara.com t259, tenth pass),
# "of" before the month ("Tuesday 14th of September 2021", neolink.au t294, eleventh pass), a posting stamp with the
# month's abbreviation, the day and the year joined by hyphens ("Post time: Aug-04-2021", www.nbcsj-mr.com t359,
# thirteenth pass), the clock time between the day and the year ("September 25 22:07 2020",
# www.lucknownewsflash.in t378, fourteenth pass), a later stamp after the time ("October 28, 2012 7:45 pm Last Updated:
# October 1, 2015 11:59 am", www.theepochtimes.com t429, fifteenth pass: the first date is the page's), a category
# before the date ("in Port News 19/08/2021", juldians.org t442, after the fifteenth pass's rules), a hit counter
# before a "Datetime:" label ("Hits:603  Datetime:2018/3/28", dedaloitalia.com t483, the sixteenth pass), the
# time zone "CST" after the time ("May 31, 2008 9:46pm CST", a forum post, www.mylot.com t546, the eighteenth pass).
DATE_LINE: Final = (
    r"(?im)^ *((hits|views|clicks?|reads?|visits) *[:：] *[0-9]{1,8} +)?"
    r"((published|posted|updated|release date|release time|post +(date|time)|date|datetime|time)( on)? *[:：]? *"
    # a Chinese "posted on" / "published on" before the date, no colon ("发表于 2018-06-06 10:54" over an English
    # travel post without a headline, www.sunmmit.com t867, the thirtieth tune_other pass)
    r"|(发表于|发布于) *"
    # "Last Updated July 16, 2019" (a guide's revision line under its headline, www.uwosh.edu t651, gathered after the
    # twenty-first tune_other pass's rules; not "Last Updated on <weekday>, ...", Joomla's string, JOOMLA_STRINGS')
    r"|last +updated *[:：]? *"
    r"|in +[a-z][a-z&'-]*( +[a-z][a-z&'-]*){0,3} +"
    # a breadcrumb without marks before the date ("Home Culture 2019-07-14", www.travelchina1.com t590, gathered after
    # the nineteenth tune_other pass's rules)
    r"|home +[a-z][a-z&'-]*( +[a-z][a-z&'-]*){0,2} +)?"
    r"([0-9]{1,2}:[0-9]{2}(:[0-9]{2})?,? +)?"
    r"[\[(（【]? *((monday|tuesday|wednesday|thursday|friday|saturday|sunday),? *)?"
    # (hyphens spaced: "2006 - 08 - 11", en.yy.gov.cn t678, the twenty-third tune_other pass)
    r"((19|20)[0-9]{2}([-/.年]| +- +)[0-9]{1,2}([-/.月]| +- +)[0-9]{1,2}日?"
    r"|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](19|20)[0-9]{2}"
    # a numbered month in Chinese before the day and the year ("11月 28, 2024": an English post under a Chinese
    # locale's date format, tune_sites s091)
    r"|[0-9]{1,2}月 *[0-9]{1,2},? +(19|20)[0-9]{2}"
    # (a comma after an ordinal day: "17th, February 2020" under a maker's news headline, www.lxtelecom.com t851, the
    # thirtieth tune_other pass)
    r"|[0-9]{1,2}((st|nd|rd|th),?|[.])?[ -]+(of +)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?[ -]+"
    r"(19|20)[0-9]{2}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2}(st|nd|rd|th)?,? +(19|20)[0-9]{2}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-[0-9]{1,2}-(19|20)[0-9]{2}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2}(st|nd|rd|th)?,? +"
    r"[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?,? +(19|20)[0-9]{2}"
    r"|(19|20)[0-9]{2},? +(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2})"
    r"( *(星期|周)[一二三四五六日天])?"
    # (a view count glued after the seconds: "2021/6/10 0:00:001056", china-h2.com t698, the twenty-third pass)
    # (or after a space: "2011/10/13 10:42:00 36", a trade-news mirror, tune_sites s281, metrics24)
    r"(,? *((updated|posted|published) *)?(at +)?[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+| ?[0-9]{1,8})?)?( *(am|pm))?"
    r" *([(（] *(gmt|utc|bjt|beijing time) *([+-] *[0-9]{1,2})? *[)）]"
    r"| +(gmt|utc|bjt|cet|cest|est|edt|cst|pst|pdt|bst|hkt|sgt|jst|kst)([+-] *[0-9]{1,2})?)?)?"
    r"( +(last +)?(updated|modified|edited) *[:：] *[a-z0-9][a-z0-9,:/. -]{5,40})? *[\])）】]?"
    # a view count after the date ("2023-03-06 418次", 418 times, www.fijiconsulate.cn t581, the nineteenth pass), or
    # a counter's label, empty or not, after it ("October 7, 2014   click:" under a university's headline,
    # en.nbt.edu.cn t789, the twenty-seventh tune_other pass)
    r"( +[0-9][0-9,]{0,9} *(次|views|reads|hits|clicks)| +(clicks?|hits|views|reads|visits) *[:：] *[0-9]{0,8})? *$"
)

# More news-portal furniture of other English Ningbo sources (tests/realgold/tune_other):
# bylines and agency stamps carrying the date: "By Ma Si (chinadaily.com.cn) Updated: 2016-08-19 15:11",
# "By Wang Songsong| chinadaily.com.cn| Updated: October 16, 2023 L M S",
# "Source: Department of Regional Opening-up / Updated: 2023-02-15", "(Xinhua) 08:26, February 02, 2023",
# "2019-11-16 00:46:57 source: Ye Ke", "Publishtime:1970-01-01 08:00:00 Views:28", "Date:2019-10-31Read:279",
# "Time:2025-06-09     Click:" (an empty click counter, www.haishu.gov.cn), and with the source's name before the
# label: "2014-04-10 14:57 Shanghai Daily Web Editor: Wang YuXia" (www.ecns.cn, t242, gathered after the ninth pass),
# the date in brackets before an empty author field: "[2011-10-25]   Author:" (www.nbcc.cn t285, eleventh pass), an
# empty readers counter: "Date:2022-01-12 Readers:" (sisi.gstta.org t413, fifteenth pass).
BYLINE_DATED: Final = r"(?im)^ *(by|source *[:：]) +.{1,80}(updated|source) *[:：].{0,60}$"
AGENCY_STAMP: Final = r"(?im)^ *[(（][a-z'’ .]{2,40}[)）] *[0-9]{1,2}:[0-9]{2},? +[a-z0-9 ,]{6,30}(19|20)[0-9]{2} *$"
# "pubtime:2014-03-25   hits: 6678" (a label glued from "pub" and "time", www.nbqb.gov.cn t328, twelfth pass).
DATE_SOURCE: Final = (
    r"(?im)^ *(((date|time|pub *(time|date)|published|posted|updated|release date|release time) *[:：]? *)?"
    r"[\[(（【]?(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}[\])）】]?( +[0-9:]{4,8})? *[|｜/]? *"
    r"([a-z][a-z.'&-]*( +[a-z][a-z.'&-]*){0,3} +)?(web +)?"
    # (fields glued after the label: up to 120 characters, a long source name among them: "Date: 2022-03-08Source: The
    # People's Government of Ningbo MunicipalityPage views: Font-Size: [ large medium small ]Color:", t673)
    r"(source|from|editor|author|views|hits|clicks?|visits|reads?|readers|browse|browsing) *[:：].{0,120}"
    # the stamp with its time zone in brackets, then the source's name without a label, maybe the time in another
    # zone glued before it ("2010-07-02 09:38:51 GMT2010-07-02 17:38:51 (Beijing Time)  China Daily", english.sina.com
    # t640, the twenty-first tune_other pass)
    r"|(19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2} +[0-9:]{4,8} *((gmt|utc) *)?((19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2} +"
    r"[0-9:]{4,8} *)?[(（] *(beijing +time|gmt|utc|bjt) *[)）] +[a-z][a-z.'&-]*( +[a-z][a-z.'&-]*){0,3}) *$"
)
# A source, editor or byline line that carries the date: "Source: Xinhua| 2019-03-10 17:06:24|Editor: ZX",
# "Source: Ningbo Daily | Date: May 6, 2023", "By Jin Lu | 2023-05-06", "Source: Ningbo Daily Date: 2023-05-06"
# (a separator or a date label before the date: a sentence opening "Source:" is not caught).
SOURCE_DATE: Final = (
    r"(?im)^ *((source|editor|author|from|reporter|publisher) *[:：] *|by +)[^|｜\n]{1,60}"
    r"( *[|｜/] *((date|time|updated|published|release date) *[:：] *)?| +(date|time|updated|published) *[:：] *| +)"
    r"((19|20)[0-9]{2}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2},? +(19|20)[0-9]{2}"
    r"|[0-9]{1,2} +(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +(19|20)[0-9]{2}"
    # a numeric date with the year last ("Source: CCTV.com | 05-02-2008 09:14", cctv.com t550, gathered after the
    # eighteenth tune_other pass's rules: month first there, so the date is read only where one order is certain)
    r"|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](19|20)[0-9]{2})"
    r"( +[0-9:]{4,8})?( *[|｜/] *.{0,60})? *$"
)
PUBLISH_TIME: Final = r"(?im)^ *publish *time *[:：].{0,80}$"
# Any one-word label before a date line's date when a hit counter closes the line: a template's "Time:" put into
# another language by a machine translator ("FIAINANA: 2022-09-17 HITS: 60" under the headline, Malagasy, a
# manufacturer's news page, www.joiwo.com t840, the twenty-ninth tune_other pass). (Not an alternative of
# DATE_SOURCE's labels: any letter would open that pattern, tried then on nearly every line; this one is tried only on
# a line closing with a digit that has a colon among its first characters, see _NEEDS.)
LABEL_DATE_HITS: Final = (
    r"(?im)^ *[a-z]{2,20} *[:：] *(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}( +[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?"
    r" +(hits|views|clicks?|reads?|visits) *[:：] *[0-9]{1,8}$"
)
# Image file names rendered as text: "1_副本.jpg", "2.jpg", "Ningbo Zhoushan Port.png".
# Also a link's tail left by a markup converter: ".png)" (cceeccic.org t298, eleventh pass).
# Also a camera's file names without their extension, one or more a line ("DSC02189 DSC02206" between a blog's
# paragraphs, mattisonthompson.net t741; "IMG_0412"): pictures' alt text.
# Also a Chinese CMS's numbered picture placeholder ("图片 1", "图片 2" between an English post's paragraphs,
# www.sunmmit.com t867, the thirtieth tune_other pass).
IMAGE_FILE: Final = (r"(?im)^ *([^/\n]{0,60}[.](jpg|jpeg|png|gif|webp|bmp) *[)\]]?"
                     r"|(dsc[nf]?|img|pict)[_-]?[0-9]{3,8}( +(dsc[nf]?|img|pict)[_-]?[0-9]{3,8})*|图片 *[0-9]{1,3}) *$")
# Language and edition switches, portal menus: "Chinese(GB) Chinese(BIG5)", "Chinese | English",
# "US EUROPE AFRICA ASIA 中文", "Nav Search".
LANGUAGE_SWITCH: Final = (
    r"(?im)^ *((chinese|english|中文|简体中文|繁體中文|繁体|简体)( *[(（](gb|big5)[)）])? *([|/] *)?){2,}$"
)
EDITION_MENU: Final = (
    r"(?im)^ *((us|uk|europe|africa|asia|global|china|中文) +){3,}(us|uk|europe|africa|asia|global|china|中文) *$"
)
NAV_WORDS = r"(?im)^ *[•·]? *(nav|menu|search|sitemap|site map|login|log in|register|intranet)( +(nav|menu|search))* *$"
# Page boxes and widgets: "Share - WeChat", "GET this page in PDF", "Related News", "Special Reports", "Page A12",
# "Click here for full story", "Share this story", "Top China News", "Most Commented/Read Stories in 48 Hours",
# "Reading Time: 3 minutes", "Call Us : +86-574-86805117", "Search Trends" (a box heading of CGTN's),
# "It's Happening...." (ningbolife's news box, tune_sites s018, t154),
# "Low bandwidth site best viewed at 1024x768", "京公网安备 11010502032503号".
# Also one network a line after "on" ("Share on facebook" / "Share on twitter" / "Share on linkedin" / "Share on Wechat"
# closing an agency's scholarship page, sacbu.com t811, the twenty-eighth tune_other pass).
SHARE_WIDGET: Final = (r"(?im)^ *share *([-:–]|on) *(wechat|weibo|facebook|twitter|linkedin|email|whatsapp|pinterest)"
                       r"( *[,|/] *[a-z]+)* *$")
PAGE_BOXES: Final = (
    r"(?im)^ *(the story appears on|get this page in pdf|free for subscribers|view shopping cart|"
    r"related (news|stories|articles)|hot (topics|words)|editor['’]?s (picks|choice)|latest news|"
    r"most (read|popular|viewed|commented)( */ *(read|viewed|commented))*( stories)?( in [0-9]+ hours)?|"
    # a blog sidebar's box heading under the post ("Popular Posts", housesitdiary.blogspot.com t730, the twenty-fifth
    # tune_other pass)
    r"popular +(posts|stories|articles)|"
    # and its twin over the site's latest posts ("Recent Posts" with "See All", a freight forwarder's Wix blog,
    # www.1upcargo.com t764, the twenty-sixth tune_other pass)
    r"recent +(posts|stories|articles)|"
    # and a stock page's empty update boxes ("Recent past performance updates", "Recent updates", simplywall.st t795,
    # the twenty-seventh tune_other pass; "Recent financial health updates", tune_sites s187)
    r"recent +([a-z]+ +){0,2}updates|"
    r"(today['’]?s +)?top +(china +|world +)?news|"
    r"top stories|recommended( for you| stories| articles)?|"
    # a box heading naming what it recommends, closed by a colon ("Recommended China Guide:" over a tour agency's
    # numbered links, www.visitourchina.com t697, the twenty-third tune_other pass)
    r"recommended +[a-z]+( +[a-z]+){0,2} *[:：]|you may also like|blog archives?|"
    r"click here for (the )?full story|special reports?|search trends|"
    # (also "Share this webpage:" with its colon, an archaeology news service's item, www.stonepages.com t948, the
    # thirty-fourth tune_other pass)
    r"share this (story|article|page|post|webpage|web +page)( *[:：])?|"
    # a share widget's label alone and a box of search words ("Share on", "Hot words", a troupe directory's page,
    # en.chinaculture.org t727, gathered after the twenty-fourth tune_other pass's rules)
    r"share +on *[:：]?|"
    # a share widget's label ("Spread the love", hanjourney.com t366, thirteenth pass)
    r"(spread|share) +the +love|sharing +is +caring|"
    # a related box's heading of other kinds ("Related Personnel" closing a law firm's update, grandwaylaw.com t373,
    # gathered after the thirteenth pass's rules)
    r"related +(posts?|personnel|people|links|reading|content|topics)|"
    # a related box of pictures ("Related Photo Set" under a print-archive headline, archive.shine.cn t669, the
    # twenty-second tune_other pass)
    r"related +(photos?|pictures?|images?|videos?)( +(sets?|galler(y|ies)))?|related +galler(y|ies)|"
    # a month archive's heading over its one post ("Posts made in August 2021", uspti.com t428) and print links glued
    # into one line ("Printer-friendly versionPrinter-friendly versionPDF versionPDF version",
    # nvdatabase.swarthmore.edu t430; fifteenth pass)
    # Blogger's archive notice over a label's or a month's posts, printed twice ("Showing posts with label Ningbo. Show
    # all posts" above the first post's day heading and headline, theadventurelady.blogspot.com t817, the
    # twenty-eighth tune_other pass)
    r"showing +posts +(with +labels? +[a-z0-9&'’ -]{1,40}|from +[a-z]+,? +(19|20)[0-9]{2})[.] *show +all +posts|"
    r"posts? +(made +|published +|written +)?(in|from|during|for) +(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]* +(19|20)[0-9]{2}|((printer[- ]friendly|pdf|print) +version *){1,4}|"
    r"(it|what)['’]?s +(happening|on)( +now)?( *([.]{2,}|…))?) *$"
)
# Also a paper's print-edition credit in brackets, its date and page ("(China Daily 05/01/2015 page10)" closing the
# text, global.chinadaily.com.cn t568, the nineteenth tune_other pass).
PRINT_PAGE: Final = (
    r"(?im)^ *(page +[a-z]?[0-9]{1,3}"
    r"|[(（] *[a-z][a-z'’.&]*( +[a-z][a-z'’.&]*){0,4} +[0-9]{1,2}/[0-9]{1,2}/(19|20)[0-9]{2},? +page *[a-z]?[0-9]{1,3}"
    r" *[)）]"
    # or its edition and staff byline in brackets ("(HK Edition, CHEN QIDE, China Daily staff)" under a 2003 headline,
    # global.chinadaily.com.cn t680, the twenty-third tune_other pass)
    r"|[(（] *([a-z]{2,12} +edition *, *)?[a-z][a-z'’.-]*( +[a-z][a-z'’.-]*){0,3} *, *[a-z][a-z'’.&]*"
    r"( +[a-z][a-z'’.&]*){0,3} +staff *[)）]) *$"
)
READING_TIME: Final = (
    # also under a bound ("Reading Time: < 1 minute", stlplace.com t516, the seventeenth pass), and as an item of a
    # bulleted byline ("• 3 min read" under "• Writer: Em" and "• Jul 26, 2019", a Wix blog, t784, the twenty-seventh
    # tune_other pass)
    r"(?im)^ *([•·] *)?((posted by *)?reading time *[:：] *((<|less +than|under) *)?[0-9]+ *(min|mins|minutes?)"
    r"|[0-9]+ *(min|mins|minutes?) *(to +)?read) *$"
)
# Also with a fax number and the copyright glued after it: "TEL: (86)574-87415011 FAX: (86)574-88122212
# Copyright@NBCC" (www.nbcc.cn t285, eleventh pass). Also with more numbers after commas ("Tel: +86-10-84787236,
# 84915391", an association's footer, en.cria.org.cn t561, the nineteenth tune_other pass).
CONTACT_LINE: Final = (
    r"(?im)^ *(call us|tel|telephone|phone|fax|hotline) *[:：] *[+0-9() -]{6,30}( *[,，] *[+0-9() -]{6,30}){0,3}"
    r"( *(tel|telephone|phone|fax) *[:：] *[+0-9() -]{6,30}){0,3}( *copyright *[@©]? *[^\n]{0,60})? *$"
)
# An e-mail address, as the contact and address-alone patterns read it.
_EMAIL_ADDRESS: Final = r"[a-z0-9._%+-]+@[a-z0-9.-]+[.][a-z]{2,}"
CONTACT_EMAIL: Final = r"(?im)^ *(e-mail|email|mail|contact) *[:：] *" + _EMAIL_ADDRESS + r" *$"
BEST_VIEWED: Final = r"(?im)^.{0,60}best viewed (at|with|in) .{0,40}$"
POLICE_LICENCE: Final = r"(?im)^.{0,60}公网安备.{0,60}$"
# Media players that did not load: "Error loading player: No playable sources found", "Video PlayerClose",
# "Get Flash Player".
PLAYER_ERROR: Final = (
    r"(?im)^ *(error loading (media|player|video).{0,80}|video *player *close|get +(the +)?(adobe +)?flash( +player)?|"
    r"your browser does not support (the )?(video|audio|html5 video)( tag| element)?[.]?) *$"
)
# Reporter credits in brackets at the end of a story: "(Jiadan Shen reports)", "(Xinhua reports)".
REPORTS_CREDIT: Final = r"(?im)^ *[(（] *[a-z][a-z'.-]*( +[a-z][a-z'.-]*){0,3} +(reports?|reporting) *[)）] *$"

# Widgets of blogs, portals and trade sites (tests/realgold/tune_other third pass): comment forms
# ("No Comments", "Leave a Comment", "Your email address will not be published. ...", "You must be logged in to
# post a comment.", and from the seventh pass "No comments:" (Blogger) and "This Post Has One Comment"; "You must log
# in to post a comment.", chinaeconomicreview.com t244; "Comments are closed.", brecorder.com t251; "Member comments",
# "Log in here to leave a comment.", "Become a Member to leave a comment.", www.thelocal.com t280),
# like/collect/view
# counters ("Like 1", "Words 0/1000", "47 0"), tracking numbers, search boxes and skip links, "Send by
# email to a friend", "Printable version", "^ Top of page", "Start a Free Trial", "Source prnewswire" (no colon),
# "Source from Ningbo Gov.Website".
COMMENT_FORM: Final = (
    r"(?im)^ *(no comments( yet)? *:?|this (post|article|entry) has (no|one|two|three|[0-9]+) comments?"
    r"|leave a (comment|reply)|post (a )?comments?|add (a )?comment|comments?"
    r"( information)?( *[0-9]+ *comments?)?|[0-9]+ *comments? *:?|your email address will not be published.{0,80}"
    # the notice in other words ("Your email is never published or shared. Required fields are marked *",
    # www.anitajcphotography.com t643, the twenty-first tune_other pass)
    r"|your +e-?mail( +address)? +is +never +(published|shared)( +or +(published|shared))? *[.]?"
    r"( *required +fields +are +marked *[*]?)?"
    r"|you must (be )?(log|logged|sign|signed) in to (post|leave) a (comment|reply)[.]?"
    # "You have to be logged in ." (a space before its full stop, www.thestartupadventure.com t463, sixteenth pass)
    r"|you +(have|need) +to +be +(logged|signed) +in( +to +(post|leave|add) +a +(comment|reply))? *[.]?"
    r"|comments are (closed|disabled)[.]?|(member|reader|user)s?['’]? +comments|comment +on +this +(article|post|story)"
    r"|((log|sign) +in|become +a +member|register) +(here +)?to +(leave|post|add) +a +(comment|reply)[.]?"
    # Blogger's notice under its comment form ("Note: only a member of this blog may post a comment.", the
    # thirteenth tune_other pass: grazulis.blogspot.com t353)
    r"|(note *[:：] *)?only +(a +)?(members?|team +members?|authors?) +of +this +blog +(may|can) +post +a +comment[.]?"
    # WordPress's heading of the comments under a post, naming it in quotes ("One Reply to “City of Ningbo”",
    # www.terrybabij.com t745, gathered after the twenty-fifth tune_other pass's rules; "2 thoughts on “...”")
    r"|(no|one|two|three|[0-9]+) +(repl(y|ies)|responses?|comments?|thoughts?) +(to|on) +[“\"‘'][^\n]{1,150}[”\"’']"
    # a comment box under a trade site's teaser: its count in brackets, a CMS's log-in notice (its "register" link's
    # word lost), sort buttons after bullets and a loading notice ("Comments (0)" / "Please log in or to post
    # comments." / "  • Oldest First" / "  • Newest First" / "Loading Comments...", www.plasticstoday.com, tune_sites
    # s313, metrics26)
    r"|comments? *[(][0-9]+[)]|please +(log|sign) +in( +or( +register)?)? +to +(post|leave|add) +(a +)?comments?[.]?"
    r"|([•·] *)?(oldest|newest|most +recent) +first|loading +comments *(\.{3}|…)?"
    r") *$"
)
COUNTER_WIDGET: Final = (
    r"(?im)^ *((likes?|collect|collected|favorites?|favou?rites?|shares?|views?|reads?) *[:：]? *[0-9]+"
    r"|words *[0-9]+ */ *[0-9]+|[0-9]{1,6}( +[0-9]{1,6}){1,2}|[0-9]{16,}) *$"
)
# (Wikipedia's skip link now reads "Jump to content": tune_sites s197, a mirror, took it for its headline, metrics18)
SITE_WIDGETS: Final = (
    r"(?im)^ *((skip|jump) to (main )?(content|navigation|footer)|search site.{0,40}|(express|advanced|quick) search"
    r"|search using map|search for (a |an )?(news|articles?|keywords?).{0,60}|send (by|via|to) e-?mail( to a friend)?"
    r"|e-?mail (this|to a friend)|printable version|print version"
    r"|[\^↑]? *((back|return) to )?top( of (the )?page| +button)?"
    r"|bottom of (the )?page"
    r"|(start|begin|get) +(a|your) +free +trial"
    # a stock page's code line under the company's name ("XSEC:002142 Stock Report" over "Market Cap: CN¥176.7b",
    # simplywall.st t795, the twenty-seventh tune_other pass; tune_sites s187 has it too)
    r"|[a-z]{2,8} *: *[0-9a-z]{1,10}([.][a-z]{1,4})? +stock +(report|quote|overview)"
    # Wikipedia's tagline under the headline, kept by its mirrors ("From Wikipedia, the free encyclopedia": the older
    # layout's extraction took it for the headline, en.wikipedia.org t864, the thirtieth tune_other pass)
    r"|from +wikipedia *, +the +free +encyclopedia"
    # a plagiarism service's badge under a blog post's headline ("Page copy protected against web site content
    # infringement by Copyscape", eatdrinkcooktravel.wordpress.com t886, the thirty-first tune_other pass)
    r"|page +copy +protected +against +web +site +content +infringement( +by +copyscape)?|protected +by +copyscape"
    # a picture's zoom buttons ("Zoom in" over "enlarge   reduce" under a temple's picture, t700) and a chat button
    # ("WhatsApp Online Chat !" under a post's date, t728), left by earlier passes
    r"|zoom +in( +zoom +out)?|enlarge +reduce|whatsapp +online +chat *!?"
    # a mobile header's search button ("Open search" under a hub's logo, www.hubbry.com t912, the thirty-second pass)
    r"|open +search"
    # a logo's alt text alone ("logo" under the hub's name, www.hubbry.com t912)
    r"|logo"
    # a footer's link to the site's copyright page alone ("Copyright Statement" over its CMS's credit,
    # www.stonepages.com t948, the thirty-fourth tune_other pass)
    r"|copyright +(statement|notice|policy|information)"
    r") *$"
)
# An infobox's montage caption, which encyclopedia pages and their mirrors print under the article's name ("Clockwise
# from the top: Zhaobao Hill, Zhenhai Harbor Area, ...", en.wikipedia.org t864; "Clockwise: South Business District,
# ...", en.linkfang.org t862, the thirtieth tune_other pass; tune_sites s197): the pictures' names, not the text.
MONTAGE_CAPTION: Final = (
    r"(?im)^ *clockwise( +from +(the +)?(top|upper +left|top +left|left|bottom)( +(left|right))?)? *[:：]"
    r" *[^\n]{3,250}$"
)
# The infobox's caption of the name's characters ('"Ningbo" in Simplified (top) and Traditional (bottom) Chinese
# characters', en.linkfang.org t862, clawbrominep559.sbs t863, the thirtieth tune_other pass).
CHARACTERS_CAPTION: Final = (
    r"(?im)^ *[\"“][^\"“”\n]{1,40}[\"”] +in +(simplified|traditional|chinese)[^\n]{0,80} +characters *$"
)
# An infobox's template as a wiki mirror serves it raw, the lines that lay it out: its maintenance template and its
# opening and closing braces ("{{Short description|Metro line in Ningbo, China}}", "{{Infobox rail line", "}}"), its
# empty fields ("| name =", "| close ="), and its picture, logo, colour and map fields ("| logo = NBRT_Line_2_icon.svg",
# "| image_width = 300px", "| color = {{rcr|NingboRT|2}}", "| map_state = collapsed": friendlywiki.com t893, the
# thirty-first tune_other pass); the map's fields as another mirror prints them, a label and a colon ("Mapsize:200px",
# "Image Map1:ChinaZhejiangNingbo.png", "Map Caption1:Ningbo in Zhejiang", everything.explained.today t865). The fields
# holding the article's data ("| stations = 27", "Subdivision Name2:Ningbo") stay text, as tune_sites s197's infobox.
WIKI_LAYOUT: Final = (
    r"(?im)^ *([{][{] *(infobox|short +description)[^\n]{0,200}|[}][}]|[|] *[a-z][a-z0-9_ ]{0,30}[a-z0-9_] *="
    r"|[|] *(logo|image|map|colou?r)[a-z0-9_]* *= *[^\n]{1,200}"
    r"|(map *size|image *map|map *caption)[0-9]? *: *[^\n]{0,120})"
    r" *$"
)
SOURCE_WORD: Final = r"(?im)^ *source +([a-z][a-z.]{1,30}|from +[a-z][a-z0-9. '-]{1,40}) *$"
# Blogger's feed links under a post, whole or split over two lines: "Subscribe to: Post Comments (Atom)",
# "Subscribe to:" / "Post Comments (Atom)" (wherearemythoughts.blogspot.com, t181), "Posts (Atom)".
FEED_LINKS = r"(?im)^ *(subscribe +to *:?( *(posts|post +comments) *[(]atom[)])?|(posts|post +comments) *[(]atom[)]) *$"
# Chinese meta lines of English pages: "作者:来源:...发布时间:2020-09-09点击数:295", "• 浏览:1", "• 来源:...",
# "• 阅读:" (an empty read counter).
CN_META: Final = (
    r"(?im)^ *[•·]? *(作者|(信息|文章|稿件|新闻|图片)?来源"
    r"|发布时间|发布日期|发表时间|时间|日期|浏览|浏览次数|阅读|阅读次数|点击数|点击|编辑|责任编辑)"
    r" *[:：].{0,120}$"
)
# "www.site.com Ningbo education Bureau All Rights Reserved" (no copyright sign), language menus
# glued into one line ("한어Русский языкEnglishFrançais..."), contact e-mails with a mis-decoded colon.
RIGHTS_LINE: Final = r"(?im)^ *([^.!?\n]|[.][^ \n]){0,120}all rights reserved *\.? *$"
LANGUAGE_MENU: Final = (
    r"(?im)^ *((english|français|deutsch|español|italiano|português|русский язык|русский|日本語|한국어|한어|中文"
    r"|简体中文|繁體中文|ελληνικά|indonesian|sanskrit|suomalainen|latina|tiếng việt|ไทย|العربية) *([|/] *)?){3,}$"
)
CONTACT_EMAIL_ANY = (
    r"(?im)^ *((e-mail|email|mail|contact) *[^a-z0-9@ ]{1,3} *" + _EMAIL_ADDRESS
    # a print story's dashed contact line, the address maybe broken after its "@" ("- Contact the writer at wangkaihao@
    # chinadaily.com.cn", pressreader.com t675, gathered after the twenty-second tune_other pass's rules)
    + r"|[-–—]? *contact +the +(writers?|reporters?|authors?|editors?) +(at|via|on) +[a-z0-9._%+-]+@ *[a-z0-9.-]+"
    r"[.][a-z]{2,}) *$"
)

# Widgets and credits of the fifth tune_other pass (t095-t125), exactly as on the pages:
# a source or author, a dash or bar, the date, maybe a byline: "Sam Chambers - August 11, 2021",
# "SHINE | 22-Jul-2020 | By Zhang Long", "Shanghai Daily (SHINE) | 22-Jul-2020".
NAME_DATE: Final = (
    r"(?im)^ *[a-z][a-z.'&() ]{1,40}( +[-–—] +| *[|｜] *)"
    r"((19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2}(st|nd|rd|th)?,? +(19|20)[0-9]{2}"
    r"|[0-9]{1,2}(st|nd|rd|th)?[ -]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?[ -]+(19|20)[0-9]{2})"
    r"( +[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?( *[|｜] *[^|｜\n]{1,60})? *$"
)
# A source alone in brackets under a title: "(Reuters)", "(chinadaily.com.cn)", "(People's Daily Online)"; up to
# three words and no slash, so that a photo credit ("(Photo/Ye Ke )", "(Photo by Ye Ke)") stays a caption.
SOURCE_BRACKETS: Final = r"(?im)^ *[(（] *[a-z][a-z0-9.'&-]{1,30}( +[a-z0-9.'&-]{1,20}){0,2} *[)）] *$"
# Pagers: "1 2 3 >", "1 2 >", a gallery's glued "123456", "1 2 3 4 Next   >>|" (links to the next and the last page,
# en.chinaculture.org t228). One mark per repetition of the trailing group: "[>»›]+" inside it backtracked 2^N ways on
# a line of many ">" that fails at its end (tests/test_redos.py); the same lines match. The last page may follow an
# ellipsis ("1 2 3 ... 5 >", China Daily's ezhejiang subsite, tune_sites s236, metrics22: it was left in the text).
PAGER: Final = (
    r"(?im)^ *([«‹<] *)?(1 +2( +3( +4( +5( +6( +7( +8( +9( +10)?)?)?)?)?)?)?)?|123(4(5(6(7(8(9)?)?)?)?)?)?)"
    r"( *(\.\.\.|…) *[0-9]{1,3})?( *([>»›]|next|last))*( *[|])? *$"
)
# Box headings with a "more" link ("FAQ more>>"), footer menus ("About us | Contact us | Useful links | Terms and
# conditions | Site map"), closing source blocks ("Reference(s):", "cgtn.com" alone), social bars ("Twitter Facebook
# Myspace Yahoo! Linkedin Mixx"), author boxes ("About D J Clark:"), links ("Click here to see more videos by
# D J Clark", "See the original story at: Splash247.com"), empty stamps ("Posted on"), CMS credits ("Powered by
# Labrador CMS").
MORE_LINK: Final = r"(?im)^ *([a-z][a-z &'-]{0,30} +)?more *(>>|»|>|›) *$"
_FOOTER_ITEM: Final = (
    r"(about( +us)?|contact( +us)?|(useful +)?links|terms +(and|&) +conditions|terms +of +(use|service)"
    r"|privacy( +policy| +statement)?|site *map|faq|help|disclaimer|legal +notice|advertise( +with +us)?)"
)
FOOTER_MENU: Final = r"(?im)^ *" + _FOOTER_ITEM + r"( *[|/·•] *" + _FOOTER_ITEM + r"){2,} *$"
REFERENCES_LABEL: Final = r"(?im)^ *(references?|reference *[(]s[)]) *[:：]? *$"
BARE_DOMAIN: Final = (
    r"(?im)^ *(https?://)?(www[.])?[a-z0-9-]+([.][a-z0-9-]+)*[.](com|cn|net|org|gov|edu|info|news)([.][a-z]{2})?/? *$"
)
# In a repeated group the separator takes its own spaces ("( *([|/] *)?X)+", not "( *[|/]? *X)+"): with
# two space runs around an optional mark, a line of N menu words that fails at its end was retried
# 2^N ways (a 20-word "Twitter ..." line took a second, 30 words hours).
SOCIAL_BAR: Final = (
    r"(?im)^ *(((twitter|facebook|myspace|yahoo!?|linkedin|mixx|digg|delicious|reddit|stumbleupon|google *[+]|"
    # (and a magazine's bar over its headline, two names glued: "YouTube Facebook LinkedIn Google+ Twitter
    # Xinginstagram rss  ", www.bio-itworld.com, tune_sites s319, metrics26: taken for the headline)
    r"weibo|wechat|whatsapp|pinterest|tumblr|qzone|renren|douban|youtube|instagram|xing|flickr|vimeo|rss) *"
    r"([|/,·] *)?){3,}"
    # a share link alone after a bullet ("• WeiBo", "• WeiXin" closing a group company's news page, e-yamaguchi.com
    # t663, the twenty-second tune_other pass)
    r"|[•·] *(twitter|facebook|linkedin|weibo|weixin|wechat|whatsapp|pinterest|qzone|qq|e-?mail) *)$"
)
# (also "About The Author" without its colon over the author's name, greengopost.com t896, the thirty-second pass)
AUTHOR_BOX: Final = r"(?im)^ *about +(the +author *[:：]?|[a-z][a-z.'-]*( +[a-z][a-z.'-]*){0,3} *[:：]) *$"
LINK_LINE: Final = (
    # (after the plug's "It’s Free!": "It’s Free! Click here to Subscribe!", mfame.guru t858, the thirtieth pass)
    r"(?im)^ *((it['’]?s +free *[!.] *)?click +(on +)?(here|the +(button|link) +(below|above)) +(to|for) +.{1,100}"
    r"|(see|read|view) +(the +)?(original|full) +(story|article|report|post)( +(at|on|here))? *[:：]?.{0,60}) *$"
)
# An empty byline too: the date and the author left out around "by" (", by" over a Shopify blog's post,
# www.ajustlock.com t774), or only the posting time kept after it ("by - 14:29" under a Blogger post's headline,
# sophilicity.blogspot.com t776), pages gathered after the twenty-sixth tune_other pass's rules. A bare "by" is not
# one: a text set one word a line has it (zrcc.sinopec.com t272).
EMPTY_STAMP: Final = (
    r"(?im)^ *((posted|published|updated|written|filed)( +(on|by|in|at))? *[:：]?"
    r"|, *by|by *[-–] *([0-9]{1,2}:[0-9]{2}( *[ap][.]?m[.]?)?)?) *$"
)
# Also with what is powered named before it ("Publishing system powered by Movable Type 2.63" closing an archaeology
# news service's item, www.stonepages.com t948, the thirty-fourth tune_other pass; "Proudly powered by WordPress"):
# a few words of the site's own, not any subject ("Buses powered by hydrogen" is a headline).
POWERED_BY: Final = (r"(?im)^ *((proudly|(publishing|content +management|blogging) +system|(web)?site|blog|platform)"
                     r" +)?powered +by +[a-z0-9][a-z0-9 .&-]{1,40} *$")

# Widgets of the sixth tune_other pass (t126-t150), exactly as on the pages: the comment form WordPress.com
# blogs print under a post ("You are commenting using your Twitter account. Log Out /  Change )", "Facebook
# photo", "Connecting to %s", "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
# "Fill in your details below or click an icon to log in:", wanderingbrowns.wordpress.com t243),
# in-page jump menus ("Jump to: Lines / History"), a site notice that thanks the reader for patience and names
# the page or site ("Information on this page will progressively be improved. Thank you for your patience."),
# and a site name with its web address as a footer ("People's Daily Online --- http://english.peopledaily.com.cn/").
WP_COMMENT_FORM: Final = (
    r"(?im)^ *(you are commenting using your( +[a-z.]+[+]?)? +account[.]?( *[(]? *log +out */ *change *[)]?)?"
    # Google+'s entries, its name closed by a plus ("Google+ photo", ningbonights.wordpress.com t636, the
    # twenty-first tune_other pass)
    r"|(twitter|facebook|google[+]?|wordpress[.]com) +(picture|photo)|connecting to %s"
    r"|this site uses akismet to reduce spam[.]?( *learn how your comment data is processed[.]?)?"
    r"|notify me of (new|follow-up) (comments|posts)( via e-?mail)?[.]?"
    r"|fill in your details below or click an icon to log in *[:.]?) *$"
)
JUMP_MENU: Final = r"(?im)^ *(jump|skip) +to *[:：] *[^/|\n]{1,40}( *[/|·] *[^/|\n]{1,40}){0,8} *$"
SITE_NOTICE: Final = (
    r"(?im)^ *([^\n]{0,100}(this|the) +(page|site|website|section)[^\n]{0,100}[.!] *)?"
    r"thank you for your (patience|understanding)[.!]? *$"
)
SITE_ADDRESS_FOOTER: Final = (
    r"(?im)^ *[a-z][a-z0-9 .'&-]{0,60}[a-z0-9.)] *(-{1,3}|–|—|[|:：]) *(https?://|www[.])[^ \n]{2,120} *$"
)

# Furniture of the eighth tune_other pass (t182-t206), exactly as on the pages: a lone "Home" link above the
# breadcrumb ("Home" / ">>English>>Haishu Today", www.haishu.gov.cn t193 and its copy t203); the date and the
# byline on one line ("31 Mar 2014 by Clement Huang", businesstraveller.com t196); a magazine's source line with
# no date ("Published in Global Traveler", t185); closing credits ("Video provided by Beilun Media Center.",
# "Yu Yin in Ningbo and Fang Xiaoying in Hangzhou contributed to this story.", global.chinadaily.com.cn t183);
# counters glued to their words ("Like0 Comment0 Browse2507") and a keywords line ("Keywords: photography
# Freedom", ningbo-china.com t195); a standfirst with the byline glued after it ("The Coastal City of Ningbo is
# an up-and-coming destination By: Gary Bowerman & Janet Martin", travelagewest.com t197: the colon after "By"
# tells it from a sentence, "designed by Zaha Hadid").
HOME_LINK: Final = r"(?im)^ *(home|home *page|首页) *$"
_BY_NAME: Final = r"[a-z][a-z'.-]*( +[a-z][a-z'.-]*){0,3}"
_BY_NAMES: Final = _BY_NAME + r"( *(,|&|and) *" + _BY_NAME + r"){0,3}"  # "Gary Bowerman & Janet Martin"
# A date line with a byline (the date, or its day, as _BYLINE_DAY reads it):
_BYLINE_DAY: Final = (
    r"([0-9]{1,2}(st|nd|rd|th)? +(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? +(19|20)[0-9]{2}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2}(st|nd|rd|th)?(, *| +)(19|20)[0-9]{2}"
    r"|(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2})"
)
DATE_BYLINE: Final = (
    # maybe labelled "Posted:" and the year glued to the day's comma ("Posted: Jun 06,2014 by Ron Mertens" closing a
    # news post, www.graphene-info.com, tune_sites s345, the thirty-fifth tune_other pass)
    r"(?im)^ *(((posted|published)( +on)? *[:：]? *)?" + _BYLINE_DAY + r" *[,|｜]? +by +" + _BY_NAMES
    # the byline first, "on" and the date after it ("by prudence on 25-Feb-2016" under a blog post's headline,
    # nilaligned.net t855, the thirtieth tune_other pass), maybe a clock time after the date
    + r"|by +" + _BY_NAME + r" +on +([0-9]{1,2}(st|nd|rd|th)?[ -]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?,?[ -]+(19|20)[0-9]{2}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2}(st|nd|rd|th)?,? +(19|20)[0-9]{2}"
    r"|(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2})( *,? *(at +)?[0-9]{1,2}:[0-9]{2}( *[ap][.]?m[.]?)?)?"
    # ... or "Posted by", the names and "on" the date ("Posted by freemexy on February 27th, 2019", a reposting site,
    # uberant.com, tune_sites s283, metrics24)
    + r"|posted +by +" + _BY_NAMES + r" +on +" + _BYLINE_DAY + r") *$"
)
PUBLISHED_IN: Final = r"(?im)^ *(originally +)?published +in +(the +)?[a-z][a-z0-9'&-]*( +[a-z0-9'&-]+){0,5} *$"
PROVIDED_CREDIT: Final = (
    r"(?im)^ *((videos?|photos?|pictures?|images?|graphics?|audio|footage) +(provided|supplied|contributed)"
    r" +by +[a-z][a-z0-9'&.-]*( +[a-z0-9'&.-]+){0,7}"
    # a text's source and its editor ("Information courtesy of Zhejiang News. Edited by Richard Smith",
    # en.chinaleather.org t438, after the fifteenth pass's rules)
    r"|(information|content|text|news|story|article) +courtesy +of +[a-z][a-z0-9'&.-]*( +[a-z0-9'&.-]+){0,7}"
    r"( *[.,;]? *(edited|translated|compiled) +by +" + _BY_NAMES + r")? *[.]?"
    # a repost's credit naming what it was edited from, maybe with that source's date in brackets ("Edited from China
    # Daily (18 May 2013)" closing an archaeology news service's item, www.stonepages.com t948, the thirty-fourth
    # tune_other pass): the source's date, not the page's
    r"|(edited|adapted|excerpted|abridged|condensed) +from +(the +)?[a-z][a-z0-9'&.-]*( +[a-z0-9'&.-]+){0,5}"
    r"( *[(（][^)）\n]{1,30}[)）])? *[.]?) *$"
)
CONTRIBUTED_LINE: Final = r"(?im)^ *[a-z][^.!?\n]{2,120} +contributed +to +this +(story|report|article) *[.]? *$"
GLUED_COUNTERS: Final = (
    r"(?im)^ *(((likes?|comments?|browse|views?|reads?|shares?|collect|favou?rites?) *[:：]? *[0-9]+ *){2,}"
    # the counts before their nouns, glued ("30 views0 comments" under a Wix blog's post, www.1upcargo.com t764, the
    # twenty-sixth tune_other pass)
    r"|([0-9][0-9,]* *(likes?|comments?|views?|reads?|shares?) *){2,}"
    # a count with its thousands' comma and a forum's replies ("17 responses", www.mylot.com t546); a Chinese video
    # page's view count and its relative stamp ("1,481 次觀看", "3 小時前": views, three hours ago, tw.tv.yahoo.com
    # t537), the eighteenth tune_other pass
    r"|[0-9][0-9,]* *(times|views|reads|hits|clicks|responses|replies"
    r"|次(觀看|观看|瀏覽|浏览|播放|閱讀|阅读)|(秒|分鐘|分钟|小時|小时|天|週|周|個月|个月)前) *)$"
)
# An archive page's heading (the sixteenth tune_other pass): "Tag Archives: lake" (ningbogreeters.info t486), "Archive |
# Ningbo RSS feed for this section" (a WordPress theme's, ningbonights.wordpress.com t472), "Category Archives: News".
# Also a category archive's heading without a colon, its name of up to three words ("Category Off Campus" over two
# teasers, nottinghamchina.com t783, the twenty-seventh tune_other pass).
KEYWORDS_LINE: Final = (
    r"(?im)^ *((keywords?|tags?|((tag|category|author|daily|monthly|yearly) +)?archives?( +for)?)"
    r" *[:：|] *[^.!?\n]{1,100}|category +[a-z][a-z&'-]*( +[a-z][a-z&'-]*){0,2} *)$"
)
# After the eighth pass's rules, on the pages gathered to measure them (t207-t214): a view counter with the number
# first ("0Times", upchinatravel.com t207); a travel site's widgets under a user's post (au.trip.com t208): "View
# Original Text", "*Created by local travelers and translated by AI.", "Submit", "Show More", "View", "Related
# Moments", a rating ("4.3/5991 reviews | Ancient Towns": 4.3 of 5, 991 reviews) and a ranking ("#11 of Best Things
# to Do in Ningbo").
MORE_WIDGETS: Final = (
    r"(?im)^ *(show +(more|less|all)|load +more|see +(more|all)|view( +(more|all|original( +text)?|translation))?"
    r"|submit|related +(moments|posts|videos|reads|reading)"
    # a teaser's link and a user post's box heading ("Continue reading", ningbonights.wordpress.com t472; "Mentioned in
    # This Moment", nz.trip.com t487, the sixteenth pass)
    r"|continue +reading( *(→|»|>|[.]{3}|…))?|mentioned +in +this +(moment|post|story|article)"
    # its twin as an AMP page's button between paragraphs ("Keep Reading", theworkersrights.com t794, the
    # twenty-seventh tune_other pass)
    r"|keep +reading( *(→|»|>|[.]{3}|…))?"
    # a video box's prompt: "Watch the video" (www.moviesonline.ca t317, twelfth pass)
    r"|(watch|play) +(the +)?(full +)?(video|clip)( +(here|now|below))?"
    # a guide's tab label ("Photos and description", worldtourisminfo.com t543, the eighteenth tune_other pass)
    r"|(photos?|pictures?|images?) +(and|&) +(descriptions?|details|reviews?|videos?|maps?)) *$"
)
AI_TRANSLATION_NOTE: Final = (
    r"(?im)^ *[*]? *[^.!?\n]{0,80}translated +(by|with|using) +(ai|a +machine|machine +translation|google +translate)"
    r" *[.]? *$"
)
# A notice that what follows was written by a machine ("AI-generated summary report" over a profile's summary,
# www.scimagoiris.com t801, gathered after the twenty-seventh tune_other pass's first rules).
AI_SUMMARY_NOTE: Final = r"(?im)^ *ai[- ]generated +(summary|summaries|report|content|text)( +report)? *$"
RATING_WIDGET: Final = (
    r"(?im)^ *([0-9]([.][0-9])? */ *5 *[0-9,]* *reviews?( *[|] *[^|\n]{1,40})?"
    r"|#[0-9]{1,4} +of +(the +)?(best|top) +[^.!?\n]{1,60}) *$"
)
STANDFIRST_BYLINE: Final = r"(?im)^.{1,200} +by *[:：] *" + _BY_NAMES + r" *$"
# Furniture of the ninth tune_other pass (t215-t239), exactly as on the pages: a bare number alone on a line under
# the headline, a view counter without its word ("470", mfame.guru t227; the tuned sets' only other lone numbers are
# furniture too: a card's "0", t208); a gallery's position with its link ("1/4 Next", en.chinaculture.org t228); the
# prompts a WeChat article opens with, as its mirrors print them ("点击蓝字 关注我们", click the blue words to follow
# us; "Please scroll down for the English version", tianhengxin.com t225); and a WeChat account's name with the post's
# date, the line that dates such an article ("FoSEr 宁波诺丁汉大学理工学院 2024-03-12", t225: a name holding Chinese
# characters, no sentence, then the ISO date).
# And a day with a month's three-letter abbreviation, no year: a blog theme's post stamp ("30 Apr", "8 Feb",
# ningbonights.wordpress.com t472, the sixteenth tune_other pass; a diary's "March 29" heading, t407, is body).
# Also with a two-digit year: a forum reply's stamp ("2 Jun 08", www.mylot.com t546, the eighteenth pass).
LONE_NUMBER: Final = (
    r"(?im)^ *[0-9]{1,6}( +(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[.]?( +[0-9]{2})?)? *$"
)
# A picture's number a machine translation spelled out, alone between a notice's sections ("ten thousand and
# eighty-six", "... eighty-seven", "... eighty-eight", www.yqqlm.com t891, the thirty-first tune_other pass): a number
# in words with a scale word (hundred, thousand) and more after it; "Two thousand" alone is left as it is.
_SPELLED_SMALL: Final = (r"((twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(-(one|two|three|four|five|six|seven"
                         r"|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
                         r"|nineteen|one|two|three|four|five|six|seven|eight|nine)")
SPELLED_COUNTER: Final = (r"(?im)^ *" + _SPELLED_SMALL + r" +(hundred|thousand)"
                          r"( +(and +)?" + _SPELLED_SMALL + r"( +(hundred|thousand))?)+ *$")
# Also alone ("1/3", "2/3", "3/3": a magazine's gallery, www.timeoutshanghai.com t488, the sixteenth pass).
GALLERY_POSITION: Final = r"(?im)^ *[0-9]{1,2} */ *[0-9]{1,2}( +(next|prev|previous)( +(next|prev|previous))?)? *$"
WECHAT_PROMPTS: Final = (
    r"(?im)^ *((点击|点)(上方|下方)? *蓝字 *[,，]? *(关注|订阅)[^\n]{0,20}"
    r"|(please +)?scroll +down +(for|to +(read|see|view)) +(the +)?english( +(version|text))? *[.!]?"
    # an app's advertisement set in the text ("Download the NBC News app for the latest news and politics",
    # magijourney.tk t538, the eighteenth tune_other pass)
    r"|(download|get|install) +(the|our) +[a-z0-9][^.!?\n]{0,40} +app( +(for|to) +[^.!?\n]{1,80})? *[.!]?"
    # a QR box's prompt ("Scan code to share" closing the text, ecbnnews.com t587, gathered after the nineteenth
    # tune_other pass's rules)
    r"|(scan|long[- ]press) +(the +)?(qr +)?code +to +(share|follow|read|download|subscribe)( +[a-z]+){0,3} *[.!]?"
    # a prompt to follow an account named in quotes ('Focus on"Culture NB"' closing a culture bureau's page,
    # wglyj.ningbo.gov.cn t673, gathered after the twenty-second tune_other pass's rules)
    r"|(focus +on|follow( +us +on)?) *[\"“][^\"”\n]{1,40}[\"”]) *$"
)
ACCOUNT_DATE: Final = (
    r"(?im)^ *[a-z0-9 ]{0,30}[一-龥][^.!?。！？:：\n]{0,40} {1,4}(19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2} *$"
)
# Furniture of the tenth tune_other pass (t247-t271), exactly as on the pages: a link back to a listing ("← Back to
# City List", okchina.net t257; "Back to all news", www.woodlandgroup.com t269: the target a list, the news, an index
# or a page, so a subheading such as "Back to school" is not one), and a contact box's heading or prompt ("Contact us",
# "We would love to hear from you. Please contact us here:", t269: the form follows the colon).
BACK_LINK: Final = (
    r"(?im)^ *(←|⟵|«|‹|<<?)? *(go +)?(back|return) +to +(the +)?(all +)?([a-z]+ +){0,3}"
    r"(list|listing|news|index|home|homepage|overview|blog|posts?|articles?|results|menu|categories|category|gallery)"
    r" *$"
)
CONTACT_PROMPT: Final = (
    r"(?im)^ *(contact +us|([^\n]{0,80} +)?contact +us +(here|below|at) *[:：]"
    # a call to action closing a company's post: "Talk to Us", "Get in touch to learn more about our global logistics
    # and innovative freight forwarding solutions." (neolink.au t294, eleventh pass)
    r"|(talk|speak) +to +us|get +in +touch( +with +us)?( +to +[^.!?\n]{1,120})? *[.!]?"
    # an inquiry form's prompt ("Send your message to us:" under a manufacturer's post, www.nhyunmao.com t728, gathered
    # after the twenty-fourth tune_other pass's rules)
    r"|send +your +(message|inquiry|enquiry) +to +us *[:：]?) *$"
)
# Furniture of the eleventh tune_other pass (t284-t305), exactly as on the pages: a dated line that opens with the
# date and a bar ("07/17/2023 | News release | Distributed by Public on 07/17/2023 03:07", www.publicnow.com t291);
# links to related stories inside or under the text ("Related: Ningbo-Zhoushan port expands footprint in Dubai",
# m.simic.net.cn t284); a link's placeholder ("[Link]", t291); a registration wall ("Please Register", "To continue
# reading, please login or register for full access to our free content", "Loadstar subscriber", "New Loadstar
# subscriber REGISTER", theloadstar.com t297); a web address alone, maybe with its source ("https://www.reuters.com/...
# (source: Reuters)", gl.leman.com t293); a postal address ending with the country and the post code ("9 Xuefu
# Road,Yinzhou Higher Educational Zone,NingBo,ZheJiang,P.R.China 315100", www.nbcc.cn t285).
_ANY_DATE: Final = (
    r"((19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](19|20)[0-9]{2}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2},? +(19|20)[0-9]{2}"
    r"|[0-9]{1,2} +(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +(19|20)[0-9]{2})"
)
DATE_BAR: Final = (
    r"(?im)^ *" + _ANY_DATE + r"( +[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)? *[|｜] *[^|｜\n]{1,60}"
    r"( *[|｜] *[^|｜\n]{1,80}){0,3}$"
)
# A related story's link set off by a bar ("READ | Video shows people huddling together ...", www.news24.com t539, the
# eighteenth tune_other pass).
RELATED_LINK: Final = (
    r"(?im)^ *(related( +(stories|story|articles?|news|posts?|links?|reading|content))? *[:：]"
    r"|read( +(more|also))? *[|｜]) *[^\n]{1,150}$"
)
LINK_PLACEHOLDER: Final = r"(?im)^ *\[ *(link|image|img|photo|picture|video|embed|figure) *\] *$"
REGISTRATION_WALL: Final = (
    r"(?im)^ *(please +(register|log *in|sign *in|subscribe)"
    r"|to +continue +reading,? +(please +)?(log *in|register|sign *in|subscribe)[^\n]{0,100}"
    r"|(new +)?[a-z]{1,40} +subscribers?( +(register|log *in|sign *in|sign *up))?"
    # a newsletter prompt: "Subscribe to free Email Newsletter" (en.chinaculture.org t325, twelfth pass), "Sign up for
    # our newsletter"
    r"|(subscribe +to|sign +up +(for|to)) +(our +|the +)?(free +)?(e-?mail +|weekly +|daily +)?"
    r"(newsletters?|updates|alerts)"
    # a subscription button's label alone ("Subscribe", www.shippingherald.com t415, fifteenth pass)
    r"|subscribe( +(now|here|today))?) *[.!]? *$"
)
URL_LINE: Final = r"(?im)^ *https?://[^ \n]{4,250}( *[(（] *(source|via) *[:：]? *[^)）\n]{1,40}[)）])? *$"
# Also with the post code before the country ("5/F, Bldg. B, Kinglong International, Chaoyang Dist., Beijing 100107,
# China", en.cria.org.cn t561, the nineteenth tune_other pass).
ADDRESS_POSTCODE: Final = (
    r"(?im)^ *[0-9a-z][^!?\n]{0,150}(china *[,.]? *[0-9]{6}|[0-9]{6} *[,.]? *(p[.]? *r[.]? *)?china) *$"
)
# An image's file name without its extension, as a stock-photo or camera name ("dreamstime_xs_129855944" above the
# lead, theloadstar.com t297; "IMG_20190301_123456"): words joined by two or more underscores, no space.
# Or words joined by hyphens closing with two numbers ("Seafood-House-00-0", www.timeoutshanghai.com t488, the
# sixteenth pass: "Covid-19" has one).
# Or two words joined by one underscore, or a run of digits glued to a word: an upload's name ("Ningbo_Banner",
# "4634ningbo" between a blog's paragraphs, www.adventuresaroundasia.com t527, the eighteenth tune_other pass).
IMAGE_NAME: Final = r"(?im)^ *([a-z]+((_[a-z0-9]+)+|(-[a-z]+)*(-[0-9]+){2,})|[0-9]{3,}[a-z]{3,}) *$"
# An image's alt text repeating the headline with the upload's number glued after a space ("Where to go to Ningbo and
# what to see? 5223_1", _2, _3 between a travel article's paragraphs, folksyguide.com t848, the twenty-ninth tune_other
# pass): an article's number and the picture's, joined by one underscore, closing the line.
IMAGE_ALT_NUMBER: Final = r"(?im)^ *[^\n]{1,200} [0-9]{2,8}_[0-9]{1,3} *$"
# Furniture of the twelfth tune_other pass (t314-t339), exactly as on the pages: a section trail of two items glued
# to its mark ("  Exchange>Stage", en.chinaculture.org t325: up to three words an item, letters only, so that "x > 5"
# and a sentence stay); a meta line of labelled fields glued together, some empty, closing with the date ("From:
# NetWriter:Date:2014-09-22": "From: Net", an empty "Writer:", kaogu.cssn.cn t332); the authors' names joined by a
# slash over a closing bar ("Geoffrey/Flossie |", aircargonews.com t316); a pager's link with its label ("Next
# article:Dancing with the ghost in Los Angeles", en.g-photography.net t323); a notice that the pictures' copyright
# stays with their authors, asking to be told of a problem ("All the photos are from the web and the copyright
# retains with the original author. If there is any problem, please contact us.", t323).
# Or three or four places glued by bullets, a travel site's trail ("Zhejiang•Ningbo•Dongqian Lake", nz.trip.com t487,
# the sixteenth pass: no space around the bullets, so that a list of items set apart by " • " stays).
BREADCRUMB_PAIR: Final = (
    r"(?im)^ *([a-z][a-z&'-]*( +[a-z&'-]+){0,2} *(>>|>|»|›) *[a-z][a-z&'-]*( +[a-z&'-]+){0,2}"
    r"|[a-z][a-z'-]*( [a-z'-]+){0,2}(•[a-z][a-z'-]*( [a-z'-]+){0,2}){2,3}) *$"
)
META_FIELDS_DATE: Final = (
    r"(?im)^ *((from|source|writer|author|editor|reporter) *[:：] *([a-z][a-z .'-]{0,30})?){1,4}"
    r"(date|time) *[:：] *(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}( +[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)? *$"
)
# Also a short line of up to eight words closed by a bar: a byline with the writer's post after a comma ("Keith
# Wallis, Special Correspondent |", a listing's teaser, joc.com t580) and a link box's items ("Full coverage of Boao
# Forum for Asia |", global.chinadaily.com.cn t568), the nineteenth tune_other pass. No sentence's stop in it.
NAMES_SIGNOFF: Final = (
    r"(?im)^ *[a-z][a-z'’.-]*( +[a-z0-9][a-z0-9'’.-]*){0,7}"
    r"( *[/&,] *[a-z][a-z'’.-]*( +[a-z0-9][a-z0-9'’.-]*){0,3}){0,3} *[|｜] *$"
)
# Also the bare label glued to the neighbour's title by its colon, no space after it ("Previous:Trade tension spills
# over to academic area", "Next:China to build ..." under a re-posted Xinhua item, m.cnzhongchisteel.com t843, the
# twenty-ninth tune_other pass: a sentence's "Next: ..." keeps its space).
NEIGHBOUR_LINK: Final = (
    r"(?im)^ *[«‹<]? *((next|previous|prev) +(article|post|story|item|news|page) *[:：] *[^\n]{1,150}"
    r"|(next|previous|prev)[:：][^ \n][^\n]{0,149})$"
)
# After the twelfth pass's rules, on the pages gathered to measure them (t340-t344): a dateline of places, two to five
# names of up to four words separated by commas, then a full stop or a comma and the date ("USA, Bethesda, Maryland.
# June 30, 2021" under the headline, www.hotelexecutive.com t340): the page's date.
# Or one word, a site's or an author's short name, before the date ("CEED October 8, 2018" under a headline, cuceed.org
# t464, the sixteenth pass).
PLACE_DATE: Final = (
    r"(?im)^ *([a-z][a-z.'-]*( +[a-z][a-z.'-]*){0,3}( *, *[a-z][a-z.'-]*( +[a-z][a-z.'-]*){0,3}){1,4} *[.,] *"
    r"|[a-z][a-z.'&-]{1,20} +)"
    r"((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +[0-9]{1,2}(st|nd|rd|th)?,? +(19|20)[0-9]{2}"
    r"|[0-9]{1,2}(st|nd|rd|th)? +(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? +(19|20)[0-9]{2}) *$"
)
PICTURE_RIGHTS_NOTICE: Final = (
    r"(?im)^ *[^\n]{0,120}copyright[^\n]{0,60}original +(authors?|owners?|photographers?)[^\n]{0,40}"
    r"(if|should|in +case|please)[^\n]{0,100}(contact|delete|remove)[^\n]{0,40}$"
)
# Furniture of the thirteenth tune_other pass (t345-t371), general shapes of what its pages show: a pager of both
# neighbours on one line, each label glued to the neighbour's title by its colon ("PREV:Yuyao Overview |
# Next:Wenling Overview |", cfguide.cn t349); a comment's author line in a blog's comment section ("jerryshe
# said...", "Bacarrat Wonderboy said...", Blogger, cheekiongaw.blogspot.com t345: up to four words of a name, then
# "said" and an ellipsis, so that a quotation's "He said: ..." stays); a reporter's and editor's credit in
# parentheses ("(Reporter Wang Weichen edited Zeng Chen)", www.tellerreport.com t362: the role words, then names of
# up to four words); a travel guide's sidebar heading ("Other Attractions In Ningbo", www.china-travel-guide.net t367;
# "Nearby attractions").
PAGER_PAIR: Final = (
    r"(?im)^ *[«‹<]? *(prev|previous)( +(article|post|page|story))? *[:：] *[^|｜\n]{1,100}[|｜] *"
    r"next( +(article|post|page|story))? *[:：] *[^|｜\n]{1,100}([|｜] *)?$"
)
COMMENTER_SAID: Final = r"(?im)^ *[^ .!?\n]{1,30}( +[^ .!?\n]{1,30}){0,3} +said *([.]{3}|…) *$"
REPORTER_CREDIT: Final = (
    r"(?im)^ *[(（] *((reporters?|correspondents?|photographers?|editors?) +[a-z][a-z'-]*( +[a-z][a-z'-]*){0,3}"
    # the paper's own reporter ("(Correspondent Dong Nan of this newspaper)", new-omni.com t439) and an agency's
    # credits ("(Reporting by Muyu Xu and Ryan Woo; editing by Richard Pullin)", www.maritimeprofessional.com t437;
    # both after the fifteenth pass's rules)
    r"( +of +(this|our|the) +(newspaper|paper|website|site|station|agency))?"
    r"( *[,;]? +(edited|editor|editors|edit|photographed|photos?)( +by)? +[a-z][a-z'-]*( +[a-z][a-z'-]*){0,3}){0,2}"
    r"|(additional +)?reporting +by +" + _BY_NAMES
    + r"( *[,;] *((additional +)?reporting|writing|editing|edited|written) +by +" + _BY_NAMES + r"){0,3})"
    r" *[)）] *$"
)
# After the thirteenth pass's rules, on the pages gathered to measure them (t372-t377): a disclaimer that the opinions
# are the author's ("The opinions expressed herein are the author's and not necessarily those of The Xinde Marine
# News.", www.xindemarinenews.com t372), an e-mail address alone on a line under a contact prompt
# ("admin@xindemarine.com"), a mobile page's link to expand the text ("展开全文"; "阅读全文", "查看全文", "阅读原文").
OPINION_DISCLAIMER: Final = (
    r"(?im)^ *(the +)?(opinions?|views?) +expressed +(herein|here|in +this +(article|post|column|story))"
    r"[^\n]{0,40} +(are|is) +[^\n]{0,150}$"
)
EMAIL_ALONE: Final = r"(?im)^ *" + _EMAIL_ADDRESS + r" *$"
# Also an image's placeholder alt text left in the text ("图片描述", image description, between a travel blog's
# paragraphs, chinaadvent.com t603, the twentieth tune_other pass; "图片说明").
EXPAND_TEXT: Final = r"(?im)^ *(展开全文|收起全文|阅读全文|查看全文|阅读原文|图片描述|图片说明)( *[>»›∨]+)? *$"
# A Weibo post's tool bar copied with the post: its repost, favourite and comment counts, maybe the time and the
# client after them ("转发(52716)| 收藏| 评论(12038)今天12:45 来自政府版微博", repost, favourite, comment,
# today 12:45, from the government's Weibo: under a quoted post's translation, bagongwatch.tumblr.com t944, the
# thirty-fourth tune_other pass).
WEIBO_BAR: Final = (r"(?im)^ *转发 *([(（][0-9]{0,9}[)）])? *[|｜]? *收藏 *([(（][0-9]{0,9}[)）])? *[|｜]? *"
                    r"评论 *([(（][0-9]{0,9}[)）])?[^\n]{0,60}$")
GUIDE_SIDEBAR: Final = (
    r"(?im)^ *((other|more|nearby|top) +(attractions|sights|things +to +do|places +to +visit)"
    r"|attractions +nearby)( +(in|near|around|of) +[a-z][a-z' -]{0,40})? *$"
)

# The fourteenth tune_other pass (t378-t405): a flag image's alt text ("China's flag", over a travel blog's trail of
# places, www.travelblog.org t380); a blog host's and a shop's widgets and labels ("Advertisement", "Edit Blog Post",
# "Additional photos below", "Photos: 5, Displayed: 5", "Your basket is currently empty!", a podcast's page,
# easystoriesinenglish.com t395; "Adjust font size:", a china.org.cn mirror t401; a comment prompt with the post's name,
# "Be the first to comment on "Typh...", resilientcitiesresearch.com t387); a server's timing line closing a page ("Tot:
# 0.112s; Tpl: 0.047s; cc: 6; qc: 24; dbt: 0.0135s; 1; m:saturn w:www (; sld: 1; ; mem: 1.2mb", t381: three to eight
# short "name: number;" fields first); a "See also" link alone ("See also  Donald Trump denies ...", www.asianewsday.com
# t388: no full stop closing it); a reprint notice ("This article is reproduced by the editor of this website. ...",
# www.ningbo-china.com t390); a copyright warning ("Warning:The use of any news and articles published on ... without
# written permission ... constitutes copyright infringement, ...") and a comments policy ("All comments are subject to
# moderation by ... staff. ...", www.echinacities.com t393).
FLAG_ALT: Final = r"(?im)^ *[a-z][a-z.' -]{0,40}['’]s +flag *$"
POST_WIDGETS: Final = (
    # an advertisement's label, also misspelt between dashes ("- Advertisment -", chinastockmarketnews.com t440, after
    # the fifteenth pass's rules)
    r"(?im)^ *([-–—] *advertis(e)?ments? *[-–—]|advertis(e)?ments?"
    r"|be +the +first +to +(comment|review|reply)( +on +[^\n]{1,150})? *[.!]?"
    # a community hub's prompt ("Be the first to start a discussion here.", printed twice over a wrapped Wikipedia
    # article, www.hubbry.com t912) and WordPress's category footer under a post ("Posted in Uncategorized",
    # blogs.nottingham.ac.uk t907, the thirty-second tune_other pass; a category's name of up to four words, a few of
    # them joined by commas; "Posted in :" alone is EMPTY_STAMP's)
    r"|be +the +first +to +start +a +(discussion|conversation|thread)( +here)? *[.!]?"
    r"|posted +in +[a-z][a-z&'-]*( +[a-z][a-z&'-]*){0,3}( *, *[a-z][a-z&'-]*( +[a-z][a-z&'-]*){0,3}){0,5}"
    # WordPress's closed-comments notice with the post's name ("Comments Off on Shipping disruptions contained as
    # Ningbo port nears reopening", juldians.org t442, after the fifteenth pass's rules)
    r"|comments +off( +on +[^\n]{1,150})?"
    r"|edit( +this)?( +blog)? +(post|entry|page)|(additional|more) +photos +(below|above)"
    # a wiki's section edit link alone, maybe in brackets ("edit" under "History", pinocchiopedia.com t635), a forum
    # post's attachment links ("View attachment 391196 View attachment 391197", defence.pk t634), the twenty-first
    # tune_other pass
    r"|\[? *edit *\]?|(view +attachment +[0-9]{1,12} *)+"
    # a copied wiki's section link glued before its heading ("[Edit this paragraph] Overview", gnagarna.com t656, the
    # twenty-second tune_other pass)
    r"|\[ *edit +this +(paragraph|section) *\]( *[^\n.!?;:。]{1,60})?"
    r"|photos *: *[0-9]{1,4} *, *displayed *: *[0-9]{1,4}|your +(shopping +)?(basket|cart|bag) +is +(currently +)?empty"
    r" *[.!]?|adjust +(the +)?(font|text) +size *[:：]?"
    # a blog host's tag line over the entry ("A Travellerspoint blog", hannahinchina.travellerspoint.com t468) and a
    # like counter in words ("1 person liked this", nz.trip.com t487), the sixteenth pass
    r"|an? +[a-z][a-z0-9.-]{1,30} +blog|[0-9]{1,6} +(person|people|users?|members?) +(liked?|likes) +this"
    # WordPress's likers line with its unfilled count ("%d bloggers like this:", stlplace.com t516, the seventeenth
    # pass)
    r"|(%d|[0-9]{1,6}) +bloggers? +likes? +this *:?"
    # a forum user's handle alone, maybe with the user's score ("@sophialin (2677)", www.mylot.com t546, the eighteenth
    # pass)
    r"|@[a-z0-9_.-]{2,30}( *[(][0-9,]{1,7}[)])?"
    # a comment plugin's labels under the text (wpDiscuz: "Inline Feedbacks", "View all Answers"; "View all comments")
    # and a like counter with its share link ("点赞6 分享", like 6, share), hefeiconnect.com t837, the twenty-ninth
    # tune_other pass
    r"|inline +feedbacks?|view +all +(answers|comments|replies)|点赞 *[0-9]{0,6} *(分享)?) *$"
)
SERVER_STATS: Final = r"(?im)^ *([a-z]{1,6} *: *[0-9]{1,6}([.][0-9]{1,6})? *(s|ms|mb|kb)? *; *){3,8}[^\n]{0,160}$"
SEE_ALSO: Final = r"(?im)^ *see +also *[:：]? +[^\n]{0,150}[^.。\n] *$"
REPRINT_NOTICE: Final = (
    r"(?im)^ *this +(article|post|story|text|content) +(is|was|has +been) +(reproduced|reprinted|republished|reposted)"
    r"[^\n]*$"
)
# And a PHP error printed into the page: "Warning: count(): Parameter must be an array or an object that implements
# Countable in /nfs/c02/h02/mnt/42122/domains/ on line 405" (ningboguide.com t476, the sixteenth pass).
COPYRIGHT_WARNING: Final = (
    r"(?im)^ *(warning|notice|note|disclaimer|statement|deprecated) *[:：] *([^\n]{0,200}(without +(the +)?"
    r"(express +|prior +)?(written +)?(permission|consent|authori[sz]ation)|copyright +infringement)[^\n]{0,200}"
    r"|[^\n]{1,250} +in +[^ \n]{1,150} +on +line +[0-9]{1,6})$"
)
COMMENT_POLICY: Final = (
    r"(?im)^ *(all +)?comments +(are|will +be) +(subject +to +moderation|moderated|reviewed +before)[^\n]*$"
)
# A blog's comment rules under its comment box ("Please, be reasonably respectful when making comments. ... The author
# reserves the right to delete any abusive comment.", "Preliminary comment moderation is... ON (your comment may take
# some time, maybe days or weeks to appear).", a Blogger post, t947, the thirty-fourth pass's lead, the thirty-fifth
# tune_other pass): the site keeping the right to delete comments, closing the line, or its moderation switch opening
# it.
COMMENT_RULES: Final = (
    r"(?im)^[^\n]{0,250}reserves? +the +right +to +(delete|remove|edit|moderate)[^\n]{0,40}comments? *[.!]? *$"
)
COMMENT_MODERATION: Final = r"(?im)^ *(preliminary +)?comment +moderation +is[^\n]{0,200}$"
# After the fourteenth pass's rules, on the pages gathered to measure them (t406-t411): a photo's file title left as a
# line, a word and a zero-padded number, one or more on a line ("Ningbo 004", "Ningbo 018    Ningbo 024",
# lewisesinchina.blogspot.com t408); a travel blog's weather widget ("sunny 72 °F") and map link ("View Buddhist
# Pilgrimmage on inchinahil's travel map.", inchinahil.travellerspoint.com t407); a Drupal comment form's help lines
# ("The content of this field is kept private and will not be shown publicly.", "Web page addresses and e-mail
# addresses turn into links automatically.", "Allowed HTML tags: <a> <em> ...", "Lines and paragraphs break
# automatically.", "More information about formatting options", "Verification Code", "This question is for test...",
# hma.hotelworldasia.com t411).
PHOTO_TITLES: Final = r"(?im)^ *([a-z][a-z-]{0,20}( +[a-z][a-z-]{0,20}){0,2} +0[0-9]{2,4} *){1,4}$"
BLOG_WIDGETS: Final = (
    r"(?im)^ *[•·*-]? *(((semi|partly|mostly) *[- ] *)?"
    r"(sunny|cloudy|overcast|rainy|rain|showers|snow|foggy|fog|clear|windy)"
    r" +-?[0-9]{1,3} *° *[cf]|view +[^\n]{1,80} +on +[^\n]{1,40}['’]s +(travel +)?map *[.]?"
    r"|the +content +of +this +field +is +kept +private( +and +will +not +be +shown +publicly)?"
    r"|web +page +addresses +and +e-?mail +addresses +turn +into +links +automatically|allowed +html +tags *[:：][^\n]*"
    r"|lines +and +paragraphs +break +automatically|use +<!--pagebreak--> +to +create +page +breaks"
    r"|more +information +about +(text +)?formatting +options|verification +code"
    # a form's captcha after its field mark ("  • * CAPTCHA: Please select the Tree", www.nhyunmao.com t728)
    r"|[*]? *captcha *[:：]( *please +[^\n.!?]{1,50})?"
    r"|this +question +is +for +test(ing)?[^\n]{0,120}) *[.]? *$"
)

# The fifteenth tune_other pass (t412-t436): a newsletter box's lines ("To our FREE newsletter", "Get all the latest
# maritime news delivered straight to your inbox.", www.shippingherald.com t415; "Get Today's Headlines in your inbox:",
# "The day's top stories delivered every morning.", "Thank you for signing up! Sign up for more newsletters here",
# www.bostonglobe.com t431) and a publisher's ownership notice ("Seatrade Maritime is part of the Informa Markets
# Division of Informa PLC", "This site is operated by a business or businesses owned by Informa PLC and all copyright
# resides with them. ...", www.seatrade-maritime.com t421).
NEWSLETTER_BOX: Final = (
    r"(?im)^ *(to +our +(free +)?(e-?mail +|weekly +|daily +)?newsletters?"
    r"|get +[^\n]{0,80} +(to|in) +your +(e-?mail +)?inbox"
    r"|the +day['’]s +(top +)?(stories|news|headlines) +delivered +(to +you +)?(every|each) +(morning|day|evening|week)"
    r"|thank +you +for +(signing +up|subscribing)( *[.!]? *sign +up +for +more +newsletters( +here)?)?"
    # a newsletter box's heading and prompt ("Join Our Newsletter" / "Enter your email to receive a weekly round-up of
    # shipping news.", news.maritime-network.com t648, t653, gathered after the twenty-first tune_other pass's rules)
    r"|join +our +(free +)?(e-?mail +|weekly +|daily +)?newsletters?"
    r"|enter +your +e-?mail( +address)? +(to +|and +)?(receive|get)[^\n]{1,80}(news|newsletters?|updates|digest)"
    # the plug's question closing a reprinted report ("Did you subscribe to our daily newsletter?", mfame.guru t858,
    # the thirtieth tune_other pass; "Subscribe to our newsletter", t534)
    r"|(did +you +)?subscribe +to +our +(free +)?(e-?mail +|weekly +|daily +)?newsletters?"
    r") *[.:!?]? *$"
)
OWNERSHIP_NOTICE: Final = (
    r"(?im)^ *([a-z0-9][^\n]{0,60} +is +(a +)?part +of +(the +)?[^\n]{0,60}(division|group|network)"
    r" +of +[^\n]{0,60}(plc|ltd|limited|inc|llc|corp)"
    r"|this +(web)?site +is +(operated|owned|run) +by +(a +business|[^\n]{0,80}(plc|ltd|limited|inc|llc))[^\n]{0,250})"
    r" *[.]? *$"
)

# A post's teaser cut by the site and closed by a bracketed ellipsis, above the same text in full ("The Old Bund is
# located at ... with a hist[...]", chinaadvent.com t491, the sixteenth pass).
CUT_TEASER: Final = r"(?im)^ *[^\n]{1,250}[^ \n] *\[ *([.]{3}|…) *\] *$"
# The twentieth tune_other pass's: a messenger contact after a short prompt ("Register to Free Apply Scholarship
# ,WhatsApp: +86 15066822096", an admissions blog's line between its paragraphs, www.panda-admission.com t594); an
# encyclopedia's synonym box under the headline ("synonym" / "Hemudu Site Museum generally refers to Yuyao Hemudu Site
# Museum", a translated encyclopedia entry, chinawiki.net t604).
MESSENGER_CONTACT: Final = (
    r"(?im)^ *([^.!?\n]{1,80}[ ,，:：-])?(whatsapp|wechat)( *(id|no[.]?|number))? *[:：] *[+0-9() -]{6,30} *$"
)
SYNONYM_BOX: Final = (
    r"(?im)^ *(synonyms?|[^.!?\n]{1,60} +generally +refers +to +[^.!?\n]{1,60}) *$"
)
# A wiki's numbered citation: its number, then the caret linking back to where it is cited, maybe letters for each
# place ("  1. ^ a b \"South Business District ushers in 5th anniversary\". english.ningbo.gov.cn. Retrieved April 30,
# 2016.", a Wikipedia mirror's references, pinocchiopedia.com t635, the twenty-first tune_other pass). A numbered
# point of a text does not open with a caret. Also a bulleted citation, the first one glued after the section's "edit"
# link ("edit- ^ \"Cooper nature-vacuum circuit breaker\". Archived from the original on 2010-09-01. ..." / "- ^
# \"Cixi Export Processing Zone\". HKTDC. 4 Aug 2010.", pinocchiopedia.com t949, the thirty-fourth tune_other pass).
# (The title and the source run up to 400 characters in two bounded runs: PostgreSQL's regular expressions repeat at
# most 255 times.)
CITATION_LINE: Final = r"(?im)^ *([0-9]{1,3}[.]|(edit *)?[-•·*]) +\^ +[^\n]{1,250}[^\n]{0,150}$"

# A repost's closing credit naming the release it copies and its date ("CAS news release, November 9, 2016" under a
# one-paragraph repost, window-to-china.eu t792, the twenty-seventh tune_other pass): furniture, and the page's date
# when it closes the text (templates/text.py closing_date).
RELEASE_CREDIT: Final = (
    r"(?im)^ *[a-z][a-z.'’&-]*( +[a-z][a-z.'’&-]*){0,4} +(news|press|media) +release *[,:|–—-]? *" + _ANY_DATE
    + r" *$"
)

# A tool bar glued to the source's name and the date: "0 Comment(s)Print E-mail Shanghai Daily, May 25, 2015" (a
# china.org.cn mirror's page, www.ccgp-fushun.com t401): a dated line, the page's date.
TOOLBAR_DATE: Final = (
    r"(?im)^ *[0-9]{1,5} *comments? *([(] *s *[)])? *(print)? *(e-?mail)? *"
    r"([a-z][a-z.'’&-]*( +[a-z][a-z.'’&-]*){0,5} *, *)?" + _ANY_DATE + r" *$"
)

# Joomla 3's documented front-end chrome: the strings its own language files and layouts print on an article page as
# a line of their own (vote and pagebreak plugins, pagination, login and search modules, Beez3 and Protostar), one row
# each: the string, its %s as a placeholder below, and the file and key it comes from. Measured with
# devtools.joomla_chrome (the strings inserted into real ningbolife text pages); the lines other patterns already drop
# ("Details", "Hits: %s", "Category: %s", "Published: %s", "Read more ...", "Prev Next", "Print Email", "Page %s",
# "Back to Top", "Powered by" a plain name, "Font size" ...) are not repeated here, nor a lone generic word ("Start",
# "End", "Rate", "Search", "Username", "Password", "Navigation"), which a body line may be. Sources: joomla/joomla-cms
# language/en-GB/en-GB.com_content.ini (3.9) and en-GB.tpl_beez3.ini (3.x); the Joomla 3.x tree of
# raramuridesign/joomla-3.x for language/en-GB/en-GB.ini, en-GB.lib_joomla.ini, en-GB.mod_login.ini,
# en-GB.mod_search.ini, en-GB.mod_footer.ini, en-GB.tpl_protostar.ini, administrator/language/en-GB/
# en-GB.plg_content_vote.ini and plugins/content/vote/tmpl/vote.php; joomla/joomla-cms administrator/language/en-GB/
# en-GB.plg_content_pagebreak.ini (3.9). Case is ignored; a run of spaces is one or more; "..." is also "…" and may
# follow its word without a space (1.6's "More Articles...").
_JOOMLA_PLACEHOLDERS: Final[dict[str, str]] = {
    "{n}": r"[0-9]{1,7}",  # a count (hits, votes, pages, results)
    "{rating}": r"[0-9]([.][0-9]{1,2})?( */ *[0-9])?",  # the vote plugin's rating, maybe over its best (5)
    "{name}": r"[a-z][a-z.'&-]*( +[a-z][a-z.'&-]*){0,4}",  # an author's name
    # DATE_FORMAT_LC2 ("l, d F Y H:i", en-GB.ini): "Thursday, 12 July 2012 10:30"
    "{date}": (r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday) *, +[0-9]{1,2} +"
               r"(january|february|march|april|may|june|july|august|september|october|november|december) +"
               r"(19|20)[0-9]{2}( +[0-9]{1,2}:[0-9]{2})?"),
    "{pages}": r"[0-9]{1,4}( +[0-9]{1,4}){0,9}",  # the pagination's page links
    "{votes}": r"vote +[1-5]( +vote +[1-5]){0,4}",  # the vote select's options: PLG_VOTE_VOTE "Vote %s", 1 to 5
    "{sizes}": r"(bigger|reset|smaller)( +(bigger|reset|smaller)){1,2}",  # Beez3's font-size switcher's links
}
# Joomla's email cloak (libraries/cms/html/email.php JHtmlEmail::cloak: a span whose text a script replaces with
# the address): without the script, the notice stands where the address was, alone on its line or inside a sentence
# ("please send to our email This email address is being protected ...", ningbolife, tune_other t398).
JOOMLA_CLOAKING: Final = "This email address is being protected from spambots. You need JavaScript enabled to view it."
JOOMLA_STRINGS: Final[tuple[tuple[str, str], ...]] = (
    ("Register to read more ...", "en-GB.com_content.ini COM_CONTENT_REGISTER_TO_READ_MORE"),
    ("More Articles ...", "en-GB.com_content.ini COM_CONTENT_MORE_ARTICLES"),
    ("Rating: {rating}", "en-GB.com_content.ini COM_CONTENT_RATINGS_COUNT"),
    ("Vote: {n}", "en-GB.com_content.ini COM_CONTENT_VOTES_COUNT"),
    ("You already rated this Article today!", "en-GB.com_content.ini COM_CONTENT_ARTICLE_VOTE_FAILURE"),
    ("Thank You for rating this Article.", "en-GB.com_content.ini COM_CONTENT_ARTICLE_VOTE_SUCCESS"),
    ("Please login to view the article", "en-GB.com_content.ini COM_CONTENT_ERROR_LOGIN_TO_VIEW_ARTICLE"),
    # the info block's author and date items read as one line
    ("Written by {name} {date}", "en-GB.com_content.ini COM_CONTENT_WRITTEN_BY, en-GB.ini DATE_FORMAT_LC2"),
    ("Created on {date}", "en-GB.ini JGLOBAL_CREATED_DATE_ON"),
    # the older wording (Joomla 1.6's en-GB.com_content.ini, marcobarbosa/minima cfe2266, 2010)
    ("Last Updated on {date}", "en-GB.com_content.ini (1.6) COM_CONTENT_LAST_UPDATED"),
    ("Email this link to a friend", "en-GB.ini JGLOBAL_EMAIL_TITLE"),
    ("Also available:", "en-GB.ini JASSOCIATIONS"),
    ("Remember me", "en-GB.ini JGLOBAL_REMEMBER_ME, en-GB.mod_login.ini MOD_LOGIN_REMEMBER_ME"),
    ("Log out", "en-GB.ini JLOGOUT"),
    ("Please login first", "en-GB.ini JGLOBAL_YOU_MUST_LOGIN_FIRST"),
    ("Start Prev {pages} Next End", "en-GB.lib_joomla.ini JLIB_HTML_START, JLIB_HTML_END; en-GB.ini JPREV, JNEXT"),
    ("Page {n} of {n}", "en-GB.lib_joomla.ini JLIB_HTML_PAGE_CURRENT_OF_TOTAL"),
    ("Results {n} - {n} of {n}", "en-GB.lib_joomla.ini JLIB_HTML_RESULTS_OF"),
    (JOOMLA_CLOAKING, "en-GB.lib_joomla.ini JLIB_HTML_CLOAKING"),
    ("Article Index", "en-GB.plg_content_pagebreak.ini PLG_CONTENT_PAGEBREAK_ARTICLE_INDEX"),
    ("All Pages", "en-GB.plg_content_pagebreak.ini PLG_CONTENT_PAGEBREAK_ALL_PAGES"),
    ("User Rating: {rating}", "en-GB.plg_content_vote.ini PLG_VOTE_USER_RATING"),
    ("Please Rate", "en-GB.plg_content_vote.ini PLG_VOTE_LABEL"),
    ("{votes}", "en-GB.plg_content_vote.ini PLG_VOTE_VOTE"),
    # vote.php's form read as one line: its label, the select's options, the button (PLG_VOTE_RATE)
    ("Please Rate {votes} Rate", "en-GB.plg_content_vote.ini PLG_VOTE_LABEL, PLG_VOTE_VOTE, PLG_VOTE_RATE"),
    ("{votes} Rate", "en-GB.plg_content_vote.ini PLG_VOTE_VOTE, PLG_VOTE_RATE"),
    ("Forgot your password?", "en-GB.mod_login.ini MOD_LOGIN_FORGOT_YOUR_PASSWORD"),
    ("Forgot your username?", "en-GB.mod_login.ini MOD_LOGIN_FORGOT_YOUR_USERNAME"),
    ("Create an account", "en-GB.mod_login.ini MOD_LOGIN_REGISTER"),
    ("View Profile", "en-GB.mod_login.ini MOD_LOGIN_PROFILE"),
    ("Search ...", "en-GB.mod_search.ini MOD_SEARCH_SEARCHBOX_TEXT"),
    ("Joomla! is Free Software released under the GNU General Public License.",
     "en-GB.mod_footer.ini MOD_FOOTER_LINE2"),
    ("{sizes}", "en-GB.tpl_beez3.ini TPL_BEEZ3_BIGGER, TPL_BEEZ3_RESET, TPL_BEEZ3_SMALLER"),
    ("Powered by Joomla!", "en-GB.tpl_beez3.ini TPL_BEEZ3_POWERED_BY"),
    ("Jump to main navigation and login", "en-GB.tpl_beez3.ini TPL_BEEZ3_JUMP_TO_NAV"),
    ("Jump to additional information", "en-GB.tpl_beez3.ini TPL_BEEZ3_JUMP_TO_INFO"),
    ("Nav view search", "en-GB.tpl_beez3.ini TPL_BEEZ3_NAV_VIEW_SEARCH"),
    ("Close info", "en-GB.tpl_beez3.ini TPL_BEEZ3_TEXTRIGHTCLOSE"),
    ("Open info", "en-GB.tpl_beez3.ini TPL_BEEZ3_TEXTRIGHTOPEN"),
    ("Toggle Navigation", "en-GB.tpl_protostar.ini TPL_PROTOSTAR_TOGGLE_MENU"),
)


def _joomla_regex(string: str) -> str:
    """One row's string as a regex: its placeholders, "..." as itself or "…" (spaces before it optional), a closing
    "." "!" or "?" optional, a run of spaces one or more, every other character literal."""
    out = []
    rest = string.rstrip(".!?") if not string.endswith("...") else string
    end = string[len(rest):]
    while rest:
        key = next((key for key in _JOOMLA_PLACEHOLDERS if rest.startswith(key)), None)
        if key is not None:
            out.append("(" + _JOOMLA_PLACEHOLDERS[key] + ")")
            rest = rest[len(key):]
        elif rest.startswith(" ..."):
            out.append(r" *([.]{3}|…)")
            rest = rest[4:]
        elif rest[0] == " ":
            out.append(" +")
            rest = rest[1:]
        else:
            out.append(re.escape(rest[0]))
            rest = rest[1:]
    return "".join(out) + ("[" + end + "]?" if end else "")


# The thirty-third tune_other pass (t914-t931):
# a document title glued to a labelled trail that repeats it ("Team tour in Ninghai on May 2,2018Position: Home> Team
# tour in Ninghai on May 2,2018", a company's news page, www.weco.cc t922): the label glued to the text before it (no
# space), then "Home" and a trail's mark; a sentence taking "a position: home > away" has a space before the label.
GLUED_TRAIL: Final = (r"(?im)^ *[^ \n].{0,160}[^ \n](position|location) *[:：] *(home|首页) *(>>|>|»|›)"
                      r" *[^>»›\n ].{0,200}$")
# a date framed by hyphens alone on its line under the headline ("- 2022-03-15-", a maker's mobile news page,
# m.en.my-garmentsteamer.com t915)
DASHED_DATE: Final = (r"(?im)^ *[-–] *(19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2} *[-–] *$")
# glued article-info fields, a source first and the release date among them ("news source:WECOannouncer:adminPage
# views:3191Release date:2018-05-02share it:", www.weco.cc t922): the page's date
GLUED_META_DATE: Final = (
    r"(?im)^ *(news +)?(source|from|author|publisher) *[:：].{0,120}(release|publish(ed)?|post(ed)?) +(date|time)"
    r" *[:：] *(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}( +[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?.{0,40}$"
)

JOOMLA_CHROME: Final = r"(?im)^ *(" + "|".join(_joomla_regex(string) for string, _ in JOOMLA_STRINGS) + r") *$"
# The rows' first words, lowercased (a placeholder's: its own first words): a line opens with one of them.
_JOOMLA_OPENINGS: Final = tuple(sorted({
    word for string, _ in JOOMLA_STRINGS
    for word in ({"{votes}": ("vote",), "{sizes}": ("bigger", "reset", "smaller")}.get(string.split()[0])
                 or (string.split()[0].lower(),))
}))

BOILERPLATE_PATTERNS: Final[tuple[str, ...]] = (    PRINT_CLOSE,
    TEXT_SIZE,
    CHARITY_SHOP,
    SHARE_LETTERS,
    COPYRIGHT,
    COPYRIGHT_RIGHTS,
    ICP_LICENCE,
    RIGHTS_RESERVED,
    READ_MORE,
    HASHTAGS,
    BREADCRUMB,
    BREADCRUMB_HOME,
    BREADCRUMB_LABEL,
    BREADCRUMB_SLASH,
    BREADCRUMB_CHAIN,
    CMS_CREDIT,
    CMS_CREDIT_CN,
    HIT_COUNTER,
    ARTICLE_INFO,
    EMOJI_LABEL,
    ARTICLE_INFO_LIST,
    ATTRIBUTION,
    CREDIT_LINE,
    ACTIONS,
    PAGE_NAV,
    DATE_LINE,
    DATED_HEADER,
    PAGE_TOOLS,
    BYLINE,
    WRITER_POST,
    IMAGE_ALT,
    HOMEPAGE_LINKS,
    BYLINE_DATED,
    AGENCY_STAMP,
    DATE_SOURCE,
    SOURCE_DATE,
    PUBLISH_TIME,
    LABEL_DATE_HITS,
    IMAGE_FILE,
    LANGUAGE_SWITCH,
    EDITION_MENU,
    NAV_WORDS,
    SHARE_WIDGET,
    PAGE_BOXES,
    PRINT_PAGE,
    READING_TIME,
    CONTACT_LINE,
    BEST_VIEWED,
    POLICE_LICENCE,
    CONTACT_EMAIL,
    PLAYER_ERROR,
    REPORTS_CREDIT,
    COMMENT_FORM,
    COUNTER_WIDGET,
    SITE_WIDGETS,
    MONTAGE_CAPTION,
    CHARACTERS_CAPTION,
    WIKI_LAYOUT,
    SOURCE_WORD,
    FEED_LINKS,
    CN_META,
    RIGHTS_LINE,
    LANGUAGE_MENU,
    CONTACT_EMAIL_ANY,
    NAME_DATE,
    SOURCE_BRACKETS,
    PAGER,
    MORE_LINK,
    FOOTER_MENU,
    REFERENCES_LABEL,
    BARE_DOMAIN,
    SOCIAL_BAR,
    AUTHOR_BOX,
    LINK_LINE,
    EMPTY_STAMP,
    POWERED_BY,
    JOOMLA_CHROME,
    WP_COMMENT_FORM,
    JUMP_MENU,
    SITE_NOTICE,
    SITE_ADDRESS_FOOTER,
    HOME_LINK,
    DATE_BYLINE,
    PUBLISHED_IN,
    PROVIDED_CREDIT,
    CONTRIBUTED_LINE,
    GLUED_COUNTERS,
    KEYWORDS_LINE,
    STANDFIRST_BYLINE,
    MORE_WIDGETS,
    AI_TRANSLATION_NOTE,
    AI_SUMMARY_NOTE,
    RATING_WIDGET,
    LONE_NUMBER,
    SPELLED_COUNTER,
    GALLERY_POSITION,
    WECHAT_PROMPTS,
    ACCOUNT_DATE,
    BACK_LINK,
    CONTACT_PROMPT,
    DATE_BAR,
    RELATED_LINK,
    LINK_PLACEHOLDER,
    REGISTRATION_WALL,
    URL_LINE,
    ADDRESS_POSTCODE,
    IMAGE_NAME,
    IMAGE_ALT_NUMBER,
    BREADCRUMB_PAIR,
    META_FIELDS_DATE,
    NAMES_SIGNOFF,
    COOKIE_NOTICE,
    NEIGHBOUR_LINK,
    PICTURE_RIGHTS_NOTICE,
    PLACE_DATE,
    PAGER_PAIR,
    COMMENTER_SAID,
    REPORTER_CREDIT,
    GUIDE_SIDEBAR,
    OPINION_DISCLAIMER,
    EMAIL_ALONE,
    EXPAND_TEXT,
    WEIBO_BAR,
    FLAG_ALT,
    POST_WIDGETS,
    SERVER_STATS,
    SEE_ALSO,
    REPRINT_NOTICE,
    COPYRIGHT_WARNING,
    COMMENT_POLICY,
    COMMENT_RULES,
    COMMENT_MODERATION,
    TOOLBAR_DATE,
    PHOTO_TITLES,
    BLOG_WIDGETS,
    NEWSLETTER_BOX,
    OWNERSHIP_NOTICE,
    CUT_TEASER,
    MESSENGER_CONTACT,
    SYNONYM_BOX,
    CITATION_LINE,
    RELEASE_CREDIT,
    GLUED_TRAIL,
    DASHED_DATE,
    GLUED_META_DATE,
)

# The furniture lines that carry the page's own date (header lines under the title, in text
# and in HTML): the parsers read the date from them, then drop them like any furniture.
DATED_LINE_PATTERNS: Final[tuple[str, ...]] = (
    DATED_HEADER, BYLINE_DATED, AGENCY_STAMP, DATE_SOURCE, SOURCE_DATE, PUBLISH_TIME, TEXT_SIZE, CN_META, NAME_DATE,
    DATE_BYLINE, ACCOUNT_DATE, DATE_BAR, META_FIELDS_DATE, PLACE_DATE, TOOLBAR_DATE, LABEL_DATE_HITS,
    GLUED_META_DATE,
)

# Fragments of page furniture distinctive enough to flag anywhere in a line, not only as
# a whole line. The parsers drop whole furniture lines; a fragment glued into a sentence
# (a widget rendered inside the content region by a changed template) is not cut out of
# the sentence by guesswork: the validation gate quarantines the article for review.
BOILERPLATE_MARKERS: Final[tuple[str, ...]] = (
    r"(?i)【 *(print|close) *】",
    r"(?i)(text|font) size *[:：] *a a a",
    r"(?i)visit charity shop",
    r"(?i)copyright (19|20)[0-9]{2} - custom text here",
    r"大汉版通发布系统|produced by 大汉网络",
)

# What the validation gate matches against titles and bodies: whole furniture lines
# plus furniture fragments anywhere.
GATE_PATTERNS: Final[tuple[str, ...]] = BOILERPLATE_PATTERNS + BOILERPLATE_MARKERS

# Every pattern opens with ^ (no top-level alternative), and a whitespace-normalized line holds no
# newline: ^ can only match at its start, so `match` finds what `search` finds without trying every
# position of the line (45 patterns on every block of every page).
_LINE_START: Final = (sre_constants.AT, sre_constants.AT_BEGINNING)
assert all(sre_parse.parse(p)[0] == _LINE_START for p in BOILERPLATE_PATTERNS), "a pattern not anchored by ^"
# What a line needs before the patterns that scan it at length (".{0,200}") can match: their uncased
# characters ("备"/"证" of an ICP number; the separators of a breadcrumb chain or of a name and a
# date, and the date's year; the colon of a dated header; the "@" of an e-mail address), or the last
# letters before the closing spaces and full stop. A literal holding no "i" nor "s" is found by
# IGNORECASE where str.lower() finds it (of the ASCII letters only those two are also matched by
# characters whose lowercase is not the letter: fastre.CASE_SPECIAL; the Kelvin sign lowercases to
# "k"); the opening words of a line are compared only when it opens in ASCII (else the pattern decides).
# The first three below were the slowest patterns on long lines (a site notice's "thank you for your ...",
# a site name's web address, a source line with its date): about 6 us each to fail on a body paragraph.
_SOURCE_DATE_OPENINGS: Final = ("source", "editor", "author", "from", "reporter", "publisher", "by")
_WP_COMMENT_OPENINGS: Final = ("you", "twitter", "facebook", "google", "wordpress", "connecting", "this", "notify",
                                "fill")


# NAME_DATE's separator ([-–—|｜]) stands after its name's first letter, at most 40 more characters and a space.
_NAME_DATE_SEPARATOR_BY: Final = 1 + 40 + 1 + 1


def _has_separator(head: str) -> bool:
    """Whether `head` holds one of NAME_DATE's separators."""
    return "-" in head or "|" in head or "–" in head or "—" in head or "｜" in head


# The year of NAME_DATE's and SOURCE_DATE's dates (a literal 19 or 20 in each of their forms) stands near the line's
# end: what may follow it is bounded (the line is normalized: stripped, single spaces). After NAME_DATE's year:
# "-12-31" (6) at most, a time " 12:00:00" (9), " | " and 60 characters (63); after SOURCE_DATE's: "-12-31日" (7), a
# time (" " and 8: 9), " | " and 60 (63). Those body paragraphs that open with "By" or hold a dash near their start
# failed each pattern only after trying every split of their first 60 characters.
_NAME_DATE_YEAR_WINDOW: Final = 4 + 6 + 9 + 63
_SOURCE_DATE_YEAR_WINDOW: Final = 4 + 7 + 9 + 63
# DATED_HEADER's colon closes its label: at most 100 characters follow it (".{0,100}$").
_DATED_HEADER_COLON_WINDOW: Final = 1 + 100
# BYLINE's names hold no comma (letters, "'", ".", "-", "&"): only its closing bracket may, whose opener stands among
# the line's last characters: "(" and 40 others (41), then ")"; or the comma before the writer's post, of up to four
# words of up to 16 letters: ", " (2), 16, and three times " " and 16 (51): 69.
_BYLINE_COMMA_WINDOW: Final = max(1 + 40, 2 + 16 + 3 * (1 + 16))


def _has_year(part: str) -> bool:
    """Whether `part` holds a year's first two digits as the date patterns spell them (19 or 20)."""
    return "19" in part or "20" in part


def _has_colon(part: str) -> bool:
    """Whether `part` holds a colon as the patterns spell it (ASCII or full width)."""
    return ":" in part or "：" in part


# SITE_NOTICE ends with one of these words, then maybe one "." or "!" (and spaces).
_SITE_NOTICE_ENDS: Final = ("patience", "understanding")
_SITE_NOTICE_LONGEST: Final = max(map(len, _SITE_NOTICE_ENDS))
# From "buted to th" to the line's end: "buted to this " (14), "article" (7), " ." (2).
_CONTRIBUTED_WINDOW: Final = 14 + 7 + 2
# From "lated " to the line's end: "lated using " (12), "machine translation" (19), " ." (2).
_TRANSLATED_WINDOW: Final = 12 + 19 + 2
# RELEASE_CREDIT's "release" stands before the date and its separator: within the line's last characters (a month's
# name of at most nine letters and its full stop, a day with its comma, a year: 18; a separator between spaces: 3;
# "release" itself: 7), its "elea" (no "i" nor "s": see above) there, and a year near the end.
_RELEASE_WINDOW: Final = 18 + 3 + 7 + 4
_RELEASE_YEAR_WINDOW: Final = 10
# From "na" (of "china") to the line's end: "na" (2), " , " (3), the post code (6), " " (1).
_POSTCODE_WINDOW: Final = 2 + 3 + 6 + 1
# REGISTRATION_WALL's words ("reg"ister, "log" in, si"gn" in/up, s"ub"scribe: the parts without an "i", "s" or "k",
# see above) stand in its first characters: "to continue reading, please " (28) and "register" (8), or "new " (4), a
# word (40) and " subscribe" (10).
_WALL_WORDS: Final = ("reg", "log", "gn", "ub")
_WALL_WINDOW: Final = 4 + 40 + 10
# CONTACT_PROMPT's words ("contact", "touch", "to u"s) stand in its first characters: 80 others, " contact" (8).
_CONTACT_WORDS: Final = ("contact", "touch", "to u")
_CONTACT_WINDOW: Final = 80 + 8
# NEIGHBOUR_LINK's colon stands within its first characters: "< " (2), "previous " (9), "article " (8), ":" (1).
_NEIGHBOUR_LABEL_WINDOW: Final = 2 + 9 + 8 + 1
# IMAGE_ALT_NUMBER's underscore stands among the line's last characters: the picture's number (3) and "_" (1).
_ALT_NUMBER_WINDOW: Final = 3 + 1
# LABEL_DATE_HITS's colon stands among the line's first characters: a space, the label (20), a space and the colon.
_LABEL_COLON_BY: Final = 1 + 20 + 1 + 1
# WIKI_LAYOUT's map field's colon stands among the line's first characters: a space, "map caption" (11), the digit, a
# space and the colon.
_WIKI_FIELD_COLON_BY: Final = 1 + 11 + 1 + 1 + 1
# PICTURE_RIGHTS_NOTICE's verb ("contact", "delete", "remove": no "i" nor "s", see above) ends at most 40 characters
# before the line's end: "contact" (7) and 40.
_RIGHTS_NOTICE_VERBS: Final = ("contact", "delete", "remove")
_RIGHTS_NOTICE_WINDOW: Final = 7 + 40
# COMMENTER_SAID's "said" closes the line before its ellipsis: its "d" (no "i" nor "s", see above) stands in the
# line's last characters: "d" (1), " " (1), "..." (3).
_SAID_WINDOW: Final = 1 + 1 + 3
# OPINION_DISCLAIMER's "expre"(ssed) ends within its first characters: "the " (4), "opinions " (9), "expre" (5).
_OPINION_WINDOW: Final = 4 + 9 + 5
# SERVER_STATS's first field: a name (6) and a space before its colon; the semicolon after the number (6 + 1 + 6), its
# unit (2) and the spaces: 30. COPYRIGHT_WARNING's label ("disclaimer", 10) and a space before its colon; then
# "comments" after "all " (4 + 8: "comment" ends by 11).
_STATS_COLON_BY: Final = 6 + 1 + 1
_STATS_SEMICOLON_BY: Final = 30
_WARNING_LABEL_BY: Final = 10 + 1 + 1
_POLICY_WORD_BY: Final = 4 + 7 + 2
# NEWSLETTER_BOX's words (each of its forms holds one); OWNERSHIP_NOTICE's first form closes with a legal suffix
# ("limited", 7) and a space and a full stop after it: 9 characters.
_NEWSLETTER_WORDS: Final = ("inbox", "newsletter", "deliver", "signing up", "subscribing", "enter your e")
_COMPANY_ENDS: Final = ("plc", "ltd", "limited", "inc", "llc", "corp")
_COMPANY_END: Final = 7 + 2
# MESSENGER_CONTACT's and SYNONYM_BOX's words without an "i" or an "s" (see above).
_MESSENGER_WORDS: Final = ("app", "chat")
_SYNONYM_WORDS: Final = ("ynonym", "genera")
# CITATION_LINE's caret after a number of up to three digits, its full stop and a space, or after "edit", a bullet and
# a space (a normalized line).
_CITATION_CARET_BY: Final = 7
_BLOG_WIDGET_OPENINGS: Final = ("sunny", "cloudy", "partly", "semi", "mostly", "overcast", "rain", "showers", "snow",
                                 "fog", "clear", "windy", "view", "the content", "web page", "allowed", "lines and",
                                 "use <!", "more information", "verification", "this question", "captcha")


def _opens_with_widget_word(line: str) -> bool:
    """Whether the line, after its spaces and a bullet, may open with one of _BLOG_WIDGET_OPENINGS under IGNORECASE (as
    _opens_with: it does, or its opening is not ASCII; the longest word 16 characters)."""
    head = line.lstrip(" •·*-")[:16]
    return not head.isascii() or head.lower().startswith(_BLOG_WIDGET_OPENINGS)


def _last_word_zero_padded(line: str) -> bool:
    """Whether the line's last word (its closing spaces aside) opens with a 0: PHOTO_TITLES's number ("Ningbo 004")."""
    end = line.rstrip(" ")
    return end[end.rfind(" ") + 1:end.rfind(" ") + 2] == "0"


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words`."""
    for word in words:
        if word in text:
            return True
    return False


def _ends_with_word(line: str, words: tuple[str, ...]) -> bool:
    """Whether the line may end with one of the lowercase ASCII `words` (at most _SITE_NOTICE_LONGEST letters)
    under IGNORECASE, after its spaces and one "." or "!": it does, or its last characters are not ASCII (a
    dotless i, a long s... : the pattern decides)."""
    end = line.rstrip(" ")  # (the line itself when it ends otherwise: no copy)
    stop = len(end) - 1 if end[-1:] in (".", "!") else len(end)
    last = end[max(0, stop - _SITE_NOTICE_LONGEST):stop]  # the last characters only, sliced once
    return not last.isascii() or last.lower().endswith(words)


def _opens_with(line: str, words: tuple[str, ...]) -> bool:
    """Whether the line (after its leading spaces) may open with one of the lowercase ASCII `words`
    under IGNORECASE: it does, or its opening is not ASCII."""
    head = line.lstrip(" ")[:12]  # (the longest word: 10 letters)
    return not head.isascii() or head.lower().startswith(words)


# A need reads the line alone, or lowers only the part of it where its words must stand (a body paragraph reaches
# several needs: lowering it whole for each, or once for all, was most of their time). A line here is normalized:
# a run of spaces in a pattern (" +", " *") is one space or none in it, so the words a pattern ends with stand
# within a bounded distance of the line's end.
_NEEDS: Final[dict[str, Callable[[str], bool]]] = {
    SITE_NOTICE: lambda line: _ends_with_word(line, _SITE_NOTICE_ENDS),
    # the address has no space up to the line's end: it is in the line's last word
    SITE_ADDRESS_FOOTER: lambda line: "://" in line or "www." in line[line.rfind(" ") + 1:].lower(),
    SOURCE_DATE: lambda line: (_opens_with(line, _SOURCE_DATE_OPENINGS)
                               and _has_year(line[-_SOURCE_DATE_YEAR_WINDOW:])),
    WP_COMMENT_FORM: lambda line: _opens_with(line, _WP_COMMENT_OPENINGS),
    ICP_LICENCE: lambda line: "备" in line or "证" in line,
    POLICE_LICENCE: lambda line: "公网安备" in line,
    IMAGE_ALT: lambda line: line.rstrip(" ")[-1:] in ("e", "E", "t", "T", "o", "O"),
    # "reserved" closes the line but for its spaces and full stop (each letter's matches under IGNORECASE,
    # "ſ" too, casefold to the letter).
    RIGHTS_LINE: lambda line: line.rstrip(" .")[-8:].casefold() == "reserved",
    BREADCRUMB_CHAIN: lambda line: ">" in line or "»" in line or "›" in line,
    # a trail's mark and the label's last letters ("Position", "location": their common tail "on", in any casing;
    # not "tion": IGNORECASE also matches its "i" with a dotless i or a dotted capital I, and "POSITION" is upper)
    GLUED_TRAIL: lambda line: (">" in line or "»" in line or "›" in line) and "on" in line.lower(),
    # the bar's first tool (the pattern has no case to ignore in it)
    WEIBO_BAR: lambda line: "转发" in line,
    # a separator after a name of at most 41 characters (and one space: the line is normalized), and a year near
    # the end: every date form it takes has a literal 19 or 20
    NAME_DATE: lambda line: (_has_separator(line[:_NAME_DATE_SEPARATOR_BY])
                             and _has_year(line[-_NAME_DATE_YEAR_WINDOW:])),
    DATED_HEADER: lambda line: _has_colon(line[-_DATED_HEADER_COLON_WINDOW:]),
    # no comma before BYLINE's closing bracket; a bare domain has no space (the line is stripped)
    BYLINE: lambda line: "," not in line[:-_BYLINE_COMMA_WINDOW],
    BARE_DOMAIN: lambda line: " " not in line,
    MONTAGE_CAPTION: lambda line: _opens_with(line, ("clockwise",)),
    CHARACTERS_CAPTION: lambda line: line.rstrip(" ")[-10:].lower() == "characters",
    # the braces, a field's bar and its equals sign, or a map field's colon among the first characters ("image map1 :"
    # and a space before it: 14)
    WIKI_LAYOUT: lambda line: ("{{" in line or "}}" in line or ("|" in line and "=" in line)
                               or ":" in line[:_WIKI_FIELD_COLON_BY]),
    # Joomla's documented strings: the line opens with one of their first words
    JOOMLA_CHROME: lambda line: _opens_with(line, _JOOMLA_OPENINGS),
    CONTACT_EMAIL: lambda line: "@" in line,
    CONTACT_EMAIL_ANY: lambda line: "@" in line,
    # the colon first: lowered only a line that has one
    STANDFIRST_BYLINE: lambda line: (":" in line or "：" in line) and "by" in line.lower(),
    # the words without an "i" or an "s" (see above) in the line's last characters: "...buted to th(is story).",
    # "...lated (using) (machine translation)."
    CONTRIBUTED_LINE: lambda line: "buted to th" in line[-_CONTRIBUTED_WINDOW:].lower(),
    AI_TRANSLATION_NOTE: lambda line: "lated " in line[-_TRANSLATED_WINDOW:].lower(),
    RELEASE_CREDIT: lambda line: "elea" in line[-_RELEASE_WINDOW:].lower() and _has_year(line[-_RELEASE_YEAR_WINDOW:]),
    # "viewed" and what follows it ("best viewed" holds an "s" and "viewed" an "i": see above); the line is short
    BEST_VIEWED: lambda line: "ewed " in line.lower(),
    DATE_BAR: lambda line: "|" in line or "｜" in line,
    REGISTRATION_WALL: lambda line: _holds_any(line[:_WALL_WINDOW].lower(), _WALL_WORDS),
    CONTACT_PROMPT: lambda line: _holds_any(line[:_CONTACT_WINDOW].lower(), _CONTACT_WORDS),
    # (a normalized line: no space in it at all; a digit opening the upload's number)
    IMAGE_NAME: lambda line: ("_" in line or "-" in line or line[:1].isdigit()) and " " not in line,
    # the underscore among the line's last characters (a space, eight digits, "_", three digits: 13)
    IMAGE_ALT_NUMBER: lambda line: "_" in line[-_ALT_NUMBER_WINDOW:],
    # the label's colon among the first characters (a label of 20 letters, a space, the colon: 22)
    LABEL_DATE_HITS: lambda line: ":" in line[:_LABEL_COLON_BY] or "：" in line[:_LABEL_COLON_BY],
    # "china" and the post code end the line (normalized: single spaces), the letters without an "i" (see above)
    ADDRESS_POSTCODE: lambda line: "na" in line[-_POSTCODE_WINDOW:].lower(),
    # a full stop closes a line it matches only in "It's happening...." ([.]{2,}; the line is normalized, no
    # space after it): a body sentence opening with "The" ends with one
    PAGE_BOXES: lambda line: line[-1:] != "." or line[-2:] == "..",
    # the twelfth pass's: a trail's mark; the labels' colons and a year; the closing bar; the pager's label's colon
    # among its first characters ("previous story :" and a mark before it: 20)
    BREADCRUMB_PAIR: lambda line: ">" in line or "»" in line or "›" in line or "•" in line,
    META_FIELDS_DATE: lambda line: (":" in line or "：" in line) and ("19" in line or "20" in line),
    NAMES_SIGNOFF: lambda line: line[-1:] in ("|", "｜"),
    # the nineteenth pass's: a policy's or the cookies' word, in any casing (the pattern ignores case: "privacY
    # policy" too); the casings sites print are found without lowering the line, the others lowered, by the parts
    # of the words without "i" or "s" (IGNORECASE also matches them as "ı", "İ", "ſ", which lower() keeps)
    COOKIE_NOTICE: lambda line: ("ookie" in line or "OOKIE" in line or "rivacy" in line or "RIVACY" in line
                                 or "erms" in line or "ERMS" in line
                                 or _holds_any(line.lower(), ("cook", "vacy", "term"))),
    PRINT_PAGE: lambda line: line[-1:] in (")", "）") or line.lstrip(" ")[:1] in ("p", "P"),
    NEIGHBOUR_LINK: lambda line: ":" in line[:_NEIGHBOUR_LABEL_WINDOW] or "：" in line[:_NEIGHBOUR_LABEL_WINDOW],
    # the request's verb among the line's last characters ("... please contact us."): lowered only there
    PICTURE_RIGHTS_NOTICE: lambda line: _holds_any(line[-_RIGHTS_NOTICE_WINDOW:].lower(), _RIGHTS_NOTICE_VERBS),
    # the names' commas and the year (every date form it takes ends with a literal 19 or 20 and two digits)
    PLACE_DATE: lambda line: "19" in line.rstrip(" ")[-4:] or "20" in line.rstrip(" ")[-4:],
    # the thirteenth pass's: the pager's first colon among its first characters ("< previous story :": 20); the
    # ellipsis closing the line and the "d" of "said" before it
    PAGER_PAIR: lambda line: ":" in line[:_NEIGHBOUR_LABEL_WINDOW] or "：" in line[:_NEIGHBOUR_LABEL_WINDOW],
    COMMENTER_SAID: lambda line: line.endswith(("...", "…")) and "d" in line[-_SAID_WINDOW:].lower(),
    # "expre"(ssed) among the first characters: "the " (4), "opinions " (9), "expre" (5); the "@" of the address
    OPINION_DISCLAIMER: lambda line: "expre" in line[:_OPINION_WINDOW].lower(),
    EMAIL_ALONE: lambda line: "@" in line,
    # the fourteenth pass's: "flag" closing the line (no "i", "s" nor "k": see above); the first field's colon and
    # semicolon among the first characters (a name of up to 6 letters, a number of up to 6 + 1 + 6 characters and
    # its unit: 30); the label's colon ("disclaimer :" and a space: 14); "comment" ("all comments": 13)
    FLAG_ALT: lambda line: line.rstrip(" ")[-4:].lower() == "flag",
    SERVER_STATS: lambda line: ":" in line[:_STATS_COLON_BY] and ";" in line[:_STATS_SEMICOLON_BY],
    COPYRIGHT_WARNING: lambda line: ":" in line[:_WARNING_LABEL_BY] or "：" in line[:_WARNING_LABEL_BY],
    COMMENT_POLICY: lambda line: "comment" in line[:_POLICY_WORD_BY].lower(),
    # "comment" or "comments" closes the line but for its spaces and full stop or bang (casefolded, as RIGHTS_LINE's)
    COMMENT_RULES: lambda line: line.rstrip(" .!")[-8:].casefold().endswith(("comment", "comments")),
    # a zero-padded number closes the line: its last word opens with a 0; the widgets' opening words after the spaces
    # and a bullet
    PHOTO_TITLES: _last_word_zero_padded,
    BLOG_WIDGETS: lambda line: _opens_with_widget_word(line),
    # the fifteenth pass's: a newsletter's or an inbox's word, or the thanks for signing up (the box's lines open
    # with "to", "get", "the" and "thank": the opening masks alone let every short "The ..." line through; lowered,
    # the lines being at most NEWSLETTER_BOX's longest); the ownership notice opens with "this" or closes with a
    # company's legal suffix
    NEWSLETTER_BOX: lambda line: _holds_any(line.lower(), _NEWSLETTER_WORDS),
    OWNERSHIP_NOTICE: lambda line: line[:4].lower() == "this"
    or _holds_any(line[-_COMPANY_END:].lower(), _COMPANY_ENDS),
    # the sixteenth pass's: the bracketed ellipsis closing the line
    CUT_TEASER: lambda line: line[-1:] == "]" and ("..." in line[-8:] or "…" in line[-8:]),
    # the twentieth pass's: the messenger's name ("whats"app, we"chat": the parts without an "i" or an "s", see above);
    # the box's "synonym" or "genera"lly (both patterns' lines are short: lowered whole)
    MESSENGER_CONTACT: lambda line: _holds_any(line.lower(), _MESSENGER_WORDS),
    SYNONYM_BOX: lambda line: _holds_any(line.lower(), _SYNONYM_WORDS),
    # the twenty-first pass's: the caret among the first characters
    CITATION_LINE: lambda line: "^" in line[:_CITATION_CARET_BY],
}
_LINE_END: Final = (sre_constants.AT, sre_constants.AT_END)
assert all(sre_parse.parse(p)[-1] == _LINE_END for p in BOILERPLATE_PATTERNS), "a pattern not anchored by $"


def _longest_line(pattern: str) -> int:
    """The longest normalized line a ^...$ pattern can match whole (MAXREPEAT: no bound known)."""
    parsed = sre_parse.parse(pattern)
    longest = longest_on_normalized(parsed) if parsed[-1] == _LINE_END else None
    return sre_constants.MAXREPEAT if longest is None else longest


def _edge_mask(char: str, matchers: list[re.Pattern[str] | None]) -> int:
    """The mask of the checks whose edge (pagere.edge_matcher's, None: any character) may be `char`."""
    return sum(1 << i for i, matcher in enumerate(matchers) if matcher is None or matcher.fullmatch(char))


# A check: a pattern and what a line needs before it is tried (None: nothing).
_Check = tuple[re.Pattern[str], Callable[[str], bool] | None]
# The masks are read in chunks of at most CHUNK_BITS bits, each a short int (compiled, an int of 63 bits or more is
# boxed: every bit operation on the 91-bit masks was a call), as many chunks as the patterns need.
CHUNK_BITS: Final = 62
# A line's first OPENING_SIZE characters, when they are ASCII, rule out checks (see LineChecks).
OPENING_SIZE: Final = 3


class _Chunk:
    """Bits start..end of LineChecks' masks: their checks (bit i: checks[i], check start + i of the whole mask) and
    for each line length the mask of those checks whose longest line is at least that long."""

    __slots__ = ("checks", "by_length", "known")

    def __init__(self, checks: tuple[_Check, ...], by_length: tuple[int, ...]) -> None:
        self.checks = checks
        self.by_length = by_length
        self.known: dict[int, tuple[_Check, ...]] = {}  # the checks of each mask met, found once

    def matches_any(self, text: str, mask: int) -> bool:
        """Whether one of the checks whose bits `mask` sets matches `text`."""
        checks = self.known.get(mask)
        if checks is None:
            checks = self.known[mask] = tuple(check for i, check in enumerate(self.checks) if mask >> i & 1)
        for pattern, need in checks:  # a loop, not any(generator): a line is tried against few checks
            if (need is None or need(text)) and pattern.match(text):
                return True
        return False


class LineChecks:
    """Whether a normalized line matches one of `patterns` (each ^...$, no newline in the line: `match` finds what
    `search` finds), a pattern tried only if the line has what `needs` asks for it first.

    The checks are sorted longest line first (transforms.fastre.longest_on_normalized; MAXREPEAT: no bound known):
    a line of `size` is tried only against the first checks whose longest line is at least `size` (most body lines
    are longer than every bounded pattern: only the unbounded ones are tried). And by the line's first and last
    characters: a pattern matches a whole line, so the line opens with a character the pattern can start with and
    ends with one it can end with (transforms.pagere, for ASCII characters; a non-ASCII one rules out nothing). And
    by the line's first OPENING_SIZE characters, when they are ASCII (transforms.pagere.opening_strings): most
    patterns open with words ("no comments", "the story appears on", "written by"), which a body paragraph's first
    two or three letters rule out where its first letter does not. Bit i of a mask stands for check i; a line is
    tried against the checks its length, first and last characters and opening all leave, cheapest first.

    The masks are cut in chunks (_Chunk): the fewest of at most CHUNK_BITS bits, of sizes as even as can be. A line is
    tried against chunk 0's checks, then chunk 1's, ...: the order of the whole mask. A table that answers a line
    with a mask answers with a tuple of the chunks' masks."""

    __slots__ = ("chunks", "bounded", "first_masks", "last_masks", "first_matchers", "last_matchers", "spans",
                 "openings", "unknown_opening", "any_opening")

    def __init__(self, patterns: Sequence[str], needs: Mapping[str, Callable[[str], bool]]) -> None:
        # (pattern, its check, its longest line), longest first (sorted stably: in the patterns' order among equals)
        by_longest = sorted(((pattern, (re.compile(pattern), needs.get(pattern)), _longest_line(pattern))
                             for pattern in patterns), key=lambda entry: -entry[2])
        size = len(by_longest)
        count = -(-size // CHUNK_BITS)
        bounds = [-(-size * k // count) for k in range(count + 1)]
        self.spans = list(zip(bounds, bounds[1:]))
        # The checks whose longest line is at least a line's length, by length (a tuple read by index: the bisect
        # of the longest lines it replaces was a call through the interpreter, about 1,300 instructions a line);
        # a line of `bounded` characters or more is tried only against the unbounded checks.
        self.bounded = 1 + max((longest for _, _, longest in by_longest if longest != sre_constants.MAXREPEAT),
                               default=0)
        negated_longest = [-longest for _, _, longest in by_longest]  # ascending, for bisect
        by_length = [self._chunks((1 << bisect_right(negated_longest, -length)) - 1)
                     for length in range(self.bounded + 1)]
        self.chunks = tuple(_Chunk(tuple(check for _, check, _ in by_longest[start:end]),
                                   tuple(masks[k] for masks in by_length))
                            for k, (start, end) in enumerate(self.spans))
        # A first or last character's masks: every ASCII character's found here, another one's found once when a
        # line has it and kept (most patterns open and close with ASCII; "“" and "【" open some body paragraphs:
        # they reached 30 patterns each, most of the boilerplate test's matches).
        self.first_matchers = [edge_matcher(pattern, last=False) for pattern, _, _ in by_longest]
        self.last_matchers = [edge_matcher(pattern, last=True) for pattern, _, _ in by_longest]
        self.first_masks = {char: self._chunks(_edge_mask(char, self.first_matchers)) for char in ASCII_CHARS}
        self.last_masks = {char: self._chunks(_edge_mask(char, self.last_matchers)) for char in ASCII_CHARS}
        # The openings' masks: by_size[n - 1] maps each opening of n characters to the mask of the checks that may
        # open with it; `unknown` is the mask of those whose openings are not known (tried whatever the line opens
        # with). A line's opening masks are `unknown` | by_size[0][its first character] | by_size[1][its first two]
        # ... (0 for an opening no check has): folded here for each opening some check has, so that a line reads
        # only the longest of its openings that is in a table (one to three dictionary lookups for all the chunks,
        # where the three sizes' tables read for each chunk were six for two halves).
        strings = [opening_strings(pattern, OPENING_SIZE) for pattern, _, _ in by_longest]
        unknown = sum(1 << i for i, openings in enumerate(strings) if openings is None)
        by_size: list[dict[str, int]] = [{} for _ in range(OPENING_SIZE)]
        for i, openings in enumerate(strings):
            for opening in openings or ():
                masks = by_size[len(opening) - 1]
                masks[opening] = masks.get(opening, 0) | 1 << i
        self.openings: list[dict[str, tuple[int, ...]]] = []
        for n, masks in enumerate(by_size):
            folded: dict[str, tuple[int, ...]] = {}
            for opening in masks:
                mask = unknown
                for m in range(n + 1):
                    mask |= by_size[m].get(opening[:m + 1], 0)
                folded[opening] = self._chunks(mask)
            self.openings.append(folded)
        self.unknown_opening = self._chunks(unknown)
        self.any_opening = self._chunks((1 << size) - 1)

    def _chunks(self, mask: int) -> tuple[int, ...]:
        """A mask of all the checks cut in the chunks' masks."""
        return tuple(mask >> start & (1 << end - start) - 1 for start, end in self.spans)

    def _edge(self, char: str, known: dict[str, tuple[int, ...]], matchers: list[re.Pattern[str] | None]
              ) -> tuple[int, ...]:
        """The masks of the checks whose edge (`matchers`) may be `char` (remembered in `known`)."""
        masks = known.get(char)
        if masks is None:
            masks = known[char] = self._chunks(_edge_mask(char, matchers))
        return masks

    def _opening(self, head: str) -> tuple[int, ...]:
        """The masks of the checks a line opening with `head` (its first OPENING_SIZE characters) may match."""
        if not head.isascii():  # (a flag of the string: no scan) its lower case is ASCII, char by char
            return self.any_opening
        head = head.lower()
        for n in range(len(head), 0, -1):
            masks = self.openings[n - 1].get(head[:n])
            if masks is not None:
                return masks
        return self.unknown_opening

    def matches(self, text: str) -> bool:
        """Whether a non-empty text normalize_space gives as it is matches one of the patterns."""
        length = len(text)
        if length > self.bounded:
            length = self.bounded
        first = self._edge(text[0], self.first_masks, self.first_matchers)
        last = self._edge(text[-1], self.last_masks, self.last_matchers)
        opening: tuple[int, ...] | None = None  # read once a chunk has checks left
        for k, chunk in enumerate(self.chunks):
            mask = chunk.by_length[length] & first[k] & last[k]
            if mask:
                if opening is None:
                    opening = self._opening(text[:OPENING_SIZE])
                mask &= opening[k]
                if mask and chunk.matches_any(text, mask):
                    return True
        return False


_CHECKS: Final = LineChecks(BOILERPLATE_PATTERNS, _NEEDS)
_GATE_COMPILED: Final[tuple[re.Pattern[str], ...]] = tuple(re.compile(p) for p in GATE_PATTERNS)
# Whitespace as a browser collapses it (includes nbsp and the ideographic space U+3000).
_normalize: Final = normalize_space


def is_boilerplate_line(line: str) -> bool:
    """True if the whitespace-normalized line is page furniture (any BOILERPLATE_PATTERNS)."""
    text = _normalize(line)
    return bool(text) and is_boilerplate_text(text)


def is_boilerplate_text(text: str) -> bool:
    """is_boilerplate_line(text) for a non-empty text normalize_space already gives as it is."""
    return _CHECKS.matches(text)


def find_boilerplate(text: str) -> list[str]:
    """The GATE_PATTERNS (in order) that match some line of `text`: what the gate would reject."""
    lines = [_normalize(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    return [
        pattern for pattern, compiled in zip(GATE_PATTERNS, _GATE_COMPILED)
        if any(compiled.search(line) for line in lines)
    ]
