"""BOILERPLATE_PATTERNS: every furniture line kind is caught, no article sentence is.

The same tuple drives the GX boilerplate gate (pandas) and may run in Postgres, so the
patterns are also checked in a real Postgres (pgserver) on whole multi-line bodies.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms import boilerplate as bp
from transforms.boilerplate import BOILERPLATE_PATTERNS, find_boilerplate, is_boilerplate_line
from transforms.page import parse_page
from transforms.spacing import normalize_space

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXTS = sorted((ROOT / "seeds" / "text").glob("*.txt"))

# (pattern constant, lines it must catch) — the kinds named in the brief, as seen on the sites.
FURNITURE = [
    (bp.PRINT_CLOSE, ["【Print】 【Close】", "【Print】", "【 Close 】", "[Print] [Close]"]),
    (bp.TEXT_SIZE, ["2019-08-18Text Size: A A A", "Text Size: A A A", "Font size: [Large] [Medium] [Small]"]),
    (bp.CHARITY_SHOP, ["Visit Charity Shop", "visit our charity shop"]),
    (bp.SHARE_LETTERS, ["f t g m", "F T G M", "A A A"]),
    (bp.COPYRIGHT, ["Copyright 2020 - Custom text here", "Copyright 2022 - Ningbo Life / Ningbo Expat",
                    "© 2019 Ningbo Life", "Copyright © 2019 english.ningbo.gov.cn"]),
    (bp.COPYRIGHT_RIGHTS, ["Copyright © Information Office of Ningbo Municipal People's Government. "
                           "All Rights Reserved."]),
    (bp.ICP_LICENCE, ["Sponsored by the Information Office 浙ICP备05015023号"]),
    (bp.RIGHTS_RESERVED, ["All Rights Reserved."]),
    (bp.READ_MORE, ["Read more: Ningbo accelerates construction of...", "Read more ...", "Read more …"]),
    (bp.HASHTAGS, ["#ningbo #expat #news #china", "#ningbo"]),
    (bp.BREADCRUMB, ["> News > In the City > Hot Topic", "» News » Sci-Tech"]),
    (bp.BREADCRUMB_HOME, ["Home > News > Ningbo News", "You are here: Home > Ningbo News", "Home>Biz Updates",
                          "Home » City specials » Ningbo", "Home - > Beilun Today  ", "english >> News"]),
    (bp.BREADCRUMB_LABEL, ["You are here: Home Ningbo News Ningbo's economy grows"]),
    (bp.CMS_CREDIT, ["Produced By 大汉网络 大汉版通发布系统", "Powered by Hanweb"]),
    (bp.CMS_CREDIT_CN, ["大汉版通发布系统"]),
    (bp.HIT_COUNTER, ["Hits: 1234", "Views: 56", "浏览次数：12", "Visits: 1,024 times"]),
    (bp.ARTICLE_INFO, ["Category: Ningbo News", "Published: Friday, 24 May 2019 16:54",
                       "Last Updated: 25 May 2019", "Written by: Administrator"]),
    # Joomla's dl.article-info as the generic extractor renders it (a Beez3 <article class="item-page">
    # the Joomla template missed stored "- Details - Category: Distrct News - Published: ..." as body)
    (bp.ARTICLE_INFO_LIST, ["- Details", "Details", "- Category: Distrct News",
                            "- Published: Friday, 12 June 2020 10:20", "- Written by Ningbo Life", "- Hits: 2417",
                            "• Details",
                            "Details - Category: Distrct News - Published: Friday, 12 June 2020 10:20"]),
    (bp.ATTRIBUTION, ["Source: Ningbo Daily", "Editor: Wang Li", "(Source: Xinhua)", "责任编辑：王丽"]),
    (bp.ACTIONS, ["Print Email", "Print | Email", "Share"]),
    (bp.PAGE_NAV, ["« Prev", "Next »", "Prev Next"]),
    (bp.DATE_LINE, ["2019-08-18", "2019-08-18 10:21", "Friday, 24 May 2019 16:54", "May 24, 2019",
                    "Published on 2019/8/18", "Date: 06/05/2023", "2022 December 29 09:08", "19 January 2001",
                    "Friday, April 28, 2000, updated at 13:21(GMT+8)", "Date: 2023-05-06 09:12", "[2019-05-30]",
                    "(May 6, 2023)", "30-05-2019"]),
    # Lines of other English Ningbo sources, exactly as on real pages (tests/realgold/dev pages
    # 039-045: ningbo.chinadaily.com.cn, www.ezhejiang.gov.cn, en.nbhtz.gov.cn, www.ninghai.gov.cn,
    # www.nottingham.edu.cn, daily.cnnb.com.cn).
    (bp.DATED_HEADER, ["Updated:2020-01-21 (chinadaily.com.cn)", "chinadaily.com.cn| Updated:  June 16, 2022 L M S",
                       "Last Updated(Beijing Time):2017-08-09 10:18:00",
                       "Release date:2019-05-30Browse times: Size:[ big middle small ]",
                       "Release time:Apr 14, 2024 05:48 AM", "Publication date: 2023-05-06"]),
    (bp.PAGE_TOOLS, ["Print Mail Large Medium Small", "Tool: Close | Print"]),
    (bp.BYLINE, ["By Jin Lu", "by Xie Ye", "By Wen Mu(China Daily)"]),
    (bp.IMAGE_ALT, ["Xie's visit to Yongjiang Lab-thumbnail image", "example image alt text",
                    "Ningbo University-logo"]),
    (bp.HOMEPAGE_LINKS, ["Make Us You Homepage", "Set as homepage | Add to favorites"]),
    # tests/realgold/tune_other: other English Ningbo sources (China Daily, people.cn, ndrc, district
    # governments, university and company sites), exactly as on the pages
    (bp.BYLINE_DATED, ["By Ma Si (chinadaily.com.cn) Updated: 2016-08-19 15:11",
                       "By Wang Songsong| chinadaily.com.cn| Updated: October 16, 2023 L M S",
                       "By Li Zhongwen, Liu Junguo Source: People's Daily Updated: 2025-08-13",
                       "Source: Department of Regional Opening-up / Updated: 2023-02-15"]),
    (bp.AGENCY_STAMP, ["(Xinhua) 08:26, February 02, 2023"]),
    (bp.DATE_SOURCE, ["2019-11-16 00:46:57 source: Ye Ke", "Date: 2023-05-06 Source: Ningbo Daily"]),
    (bp.SOURCE_DATE, ["Source: Xinhua| 2019-03-10 17:06:24|Editor: ZX", "Source: Ningbo Daily | Date: May 6, 2023",
                      "By Jin Lu | 2023-05-06", "Source: Ningbo Daily Date: 2023-05-06",
                      "Source: Ningbo Daily 2019-05-30 10:21", "By Jin Lu May 6, 2023"]),
    (bp.PUBLISH_TIME, ["Publishtime:1970-01-01 08:00:00 Views:28"]),
    (bp.IMAGE_FILE, ["1_副本.jpg", " 1_副本.jpg", "2.jpg", "5.jpg",
                     # a camera's file names (mattisonthompson.net t741, the twenty-eighth tune_other pass)
                     "DSC02189 DSC02206", "DSC02300", "IMG_0412"]),
    (bp.LANGUAGE_SWITCH, ["Chinese(GB) Chinese(BIG5)", "Chinese | English"]),
    (bp.EDITION_MENU, ["US EUROPE AFRICA ASIA 中文"]),
    (bp.NAV_WORDS, ["Nav Search", "  • Intranet"]),
    (bp.SHARE_WIDGET, ["Share - WeChat",
                       # a column of one network a line (sacbu.com t811, the twenty-eighth tune_other pass)
                       "Share on facebook", "Share on twitter", "Share on linkedin", "Share on Wechat"]),
    (bp.PAGE_BOXES, ["The story appears on", "GET this page in PDF", "Free for subscribers", "View shopping cart",
                     "Related News", "Hot Topics", "Editor's Picks", "Latest News", "Click here for full story",
                     "Share this story",
                     # Blogger's archive notice (theadventurelady.blogspot.com t817, the twenty-eighth pass)
                     "Showing posts with label Ningbo. Show all posts",
                     "Showing posts from March, 2011. Show all posts"]),
    (bp.PRINT_PAGE, ["Page A12"]),
    (bp.READING_TIME, ["Posted by Reading Time: 3 minutes"]),
    (bp.CONTACT_LINE, ["Call Us : +86-574-86805117"]),
    (bp.BEST_VIEWED, ["Low bandwidth site best viewed at 1024x768"]),
    (bp.POLICE_LICENCE, ["京公网安 京公网安备 11010502032503号"]),
    (bp.CONTACT_EMAIL, ["E-mail: xulinqi@nimte.ac.cn"]),
    (bp.PLAYER_ERROR, ["Error loading player: No playable sources found", "Video PlayerClose"]),
    (bp.REPORTS_CREDIT, ["(Jiadan Shen reports)", "(Xinhua reports)"]),
    # tests/realgold/tune_other third pass (t044-t068), exactly as on the pages
    (bp.DATED_HEADER, ["Update:11 Nov", "Updated: Dec 15, 2017 Print"]),
    (bp.DATE_LINE, ["Mar 4, 2013 8:40 AM CET", "Tuesday August 17, 2021", "2024-09-27"]),
    (bp.BYLINE, ["by Ship & Bunker News Team", "Edited and Translated by Liu Jie"]),
    (bp.ATTRIBUTION, ["(Executive Editor: Liu LIU)", "Via: Xinhua."]),
    (bp.READ_MORE, ["read more"]),
    (bp.READING_TIME, ["1 min to read"]),
    (bp.PAGE_BOXES, ["Recommended for you", "TOP STORIES", "EDITOR’S CHOICE", "Blog Archives"]),
    (bp.COMMENT_FORM, ["No Comments", "Leave a Comment", "Post Comments", "Comments", "Comments information 0 comments",
                       "Your email address will not be published. Required fields are marked *"]),
    (bp.COUNTER_WIDGET, ["47 0", "Like 1", "Collect 0", "Words 0/1000", "010020070750000000000000011100001379555431"]),
    (bp.SITE_WIDGETS, ["Skip to Content", "SEARCH SITE BY TYPING (ESC TO CLOSE)", "Express Search", "Search using map",
                       "Search for a news or an article already published", "Send by email to a friend ",
                       "Printable version ", "^ Top of page"]),
    (bp.SOURCE_WORD, ["Source prnewswire"]),
    (bp.CN_META, ["作者:来源:宁波职业技术学院英文网发布时间:2020-09-09点击数:295", "  • 时间:", "  • 浏览:1"]),
    (bp.RIGHTS_LINE, ["    www.coohoom.com Ningbo education Bureau        All Rights Reserved    "]),
    (bp.LANGUAGE_MENU, ["한어Русский языкEnglishFrançaisIndonesianSanskrit日本語Deutsch"
                        "PortuguêsΕλληνικάespañolItalianoSuomalainenLatina"]),
    (bp.CONTACT_EMAIL_ANY, ["    E-mail£ºwebmasters@nbedu.net.cn     "]),
    # tests/realgold/tune_other fourth pass (t069-t094), exactly as on the pages
    (bp.DATE_LINE, ["2021年03月29日 星期一  "]),
    (bp.DATE_SOURCE, ["Date:2019-10-31Read:279", "2009-09-29 09:58:48 visits:1546"]),
    (bp.PAGE_TOOLS, ["放大 缩小 默认"]),
    (bp.PAGE_BOXES, ["Special Reports"]),
    # tests/realgold/tune_other fifth pass (t095-t125), exactly as on the pages (URLs in its manifest.tsv)
    (bp.BREADCRUMB_SLASH, ["Home / News / China's small household appliances have exploded in Africa, leading to "
                           "the rise of a billion dollar industrial belt",  # newtach.com, t095
                           "Home / Fenghua",  # kendezhileng.com, t108
                           'Home   /  News   /  City news   /   CCTV "Happy Chinese" focuses on Ningbo style']),  # t117
    (bp.BREADCRUMB_CHAIN, ["Full Coverages>China>Linking Zhejiang>News | ||"]),  # covid-19.chinadaily.com.cn, t121
    (bp.DATED_HEADER, ["Xinhua| Updated:  December 19, 2022 L M S"]),  # regional.chinadaily.com.cn, t119
    (bp.BYLINE, ["By D J Clark ("]),  # europe.chinadaily.com.cn, t098
    (bp.DATE_LINE, ["22-Jul-2020"]),
    (bp.IMAGE_FILE, ["Ningbo Zhoushan Port.png"]),  # en.imsilkroad.com, t107
    (bp.PAGE_BOXES, ["Top China News  ", "Today's Top News  ", "Most Commented/Read Stories in 48 Hours"]),  # t122
    (bp.PLAYER_ERROR, ["Get Flash Player"]),  # t098
    (bp.COMMENT_FORM, ["You must be logged in to post a comment."]),  # modetransportation.com, t099
    (bp.SITE_WIDGETS, ["Start a Free Trial"]),  # t107
    (bp.SOURCE_WORD, ["Source from Ningbo Gov.Website"]),  # www.gotoningbo.com, t104
    (bp.NAME_DATE, ["Sam Chambers - August 11, 2021",  # eesea.com, t100
                    "SHINE | 22-Jul-2020 | By Zhang Long", "Shanghai Daily (SHINE) | 22-Jul-2020"]),  # t113
    (bp.SOURCE_BRACKETS, ["(Reuters)", "(chinadaily.com.cn)"]),  # orobotics.cn t120, www.chinadaily.com.cn t122
    (bp.PAGER, ["1 2 3 >", "123456  "]),  # www.ezhejiang.gov.cn t105, t122
    (bp.MORE_LINK, ["  FAQ more>>"]),  # t104
    (bp.FOOTER_MENU, ["About us | Contact us | Useful links | Terms and conditions | Site map"]),  # t104
    (bp.REFERENCES_LABEL, ["Reference(s):"]),  # myglobalnews.net, t096
    (bp.BARE_DOMAIN, ["cgtn.com"]),  # t096
    (bp.SOCIAL_BAR, ["Twitter Facebook Myspace Yahoo! Linkedin Mixx"]),  # t098
    (bp.AUTHOR_BOX, ["About D J Clark:"]),  # t098
    (bp.LINK_LINE, ["Click here to see more videos by D J Clark",  # t098
                    "Click on the button below to create your account and get immediate access to thousands of "
                    "articles.",  # t107
                    "See the original story at: Splash247.com"]),  # t100
    (bp.EMPTY_STAMP, ["Posted on"]),  # bacamachine.com, t109
    (bp.POWERED_BY, ["Powered by Labrador CMS"]),  # maritime.direct, t114
    # tests/realgold/tune_other sixth pass (t126-t150), exactly as on the pages (URLs in its manifest.tsv)
    (bp.WP_COMMENT_FORM, ["You are commenting using your account. Log Out /  Change )",  # sunbight.com, t132
                          "You are commenting using your Twitter account. Log Out /  Change )", "Twitter picture",
                          "Facebook photo", "Connecting to %s",
                          "This site uses Akismet to reduce spam. Learn how your comment data is processed."]),
    (bp.JUMP_MENU, ["Jump to: Lines / History"]),  # en.trackingchina.com, t131
    (bp.SITE_NOTICE, ["Information on this page will progressively be improved. Thank you for your patience."]),  # t131
    (bp.SITE_ADDRESS_FOOTER, ["People's Daily Online --- http://english.peopledaily.com.cn/"]),  # en.people.cn, t144
    (bp.CN_META, ["信息来源:Sinopecnews.com"]),  # www.sinopecgroup.com, t139
    (bp.BREADCRUMB_LABEL, ["Current location - Plastic Surgery and Aesthetics Network - Wedding planning company"
                           " - Which province and city does Fenghua District of Ningbo City, Zhejiang Province"
                           " belong to?"]),  # wodezhubaowang.com, t141
    # tests/realgold/tune_other seventh pass (t151-t175), exactly as on the pages
    (bp.PRINT_CLOSE, ["print】 【close"]),  # en.sx.gov.cn, t158
    (bp.PAGE_TOOLS, ["打印本页 关闭窗口"]),  # fao.ningbo.gov.cn, t159
    (bp.COPYRIGHT_RIGHTS, ["Copyright fao.ningbo.gov.cn All right served."]),  # t159
    (bp.DATE_LINE, ["Updated 10:28, 15-May-2023"]),  # news.cgtn.com, t167
    (bp.CREDIT_LINE, ["Video directors: Zhang Meng, Shi Chan", "Video editors: Zhang Meng, Shi Chan",  # t167
                      "Camera: Hu Rui", "Cover photo designer: Liang Qian", "Producers: Li Meng, Li Tianfu",
                      "Supervisor: Liu Yuqi"]),
    (bp.PAGE_BOXES, ["Search Trends",  # t167
                     "It's Happening...."]),  # ningbolife.com, t154 (and tune_sites s018)
    (bp.CN_META, ["  • 阅读:"]),  # fao.ningbo.gov.cn, t175
    (bp.COMMENT_FORM, ["This Post Has One Comment",  # outdoorsandra.com, t177
                       "No comments:"]),  # wherearemythoughts.blogspot.com, t181
    (bp.FEED_LINKS, ["Subscribe to:", "Post Comments (Atom)"]),  # t181
    # tests/realgold/tune_other eighth pass (t182-t206), exactly as on the pages
    (bp.HOME_LINK, ["Home"]),  # www.haishu.gov.cn, t193 (and its copy www.cfera.net, t203)
    (bp.DATE_SOURCE, ["Time:2025-06-09     Click:", "Time:2025-03-31     Click:"]),  # t193, t203
    (bp.DATE_BYLINE, ["31 Mar 2014 by Clement Huang"]),  # businesstraveller.com, t196
    (bp.PUBLISHED_IN, ["Published in Global Traveler"]),  # sharonkinghoge.com, t185
    (bp.PROVIDED_CREDIT, ["Video provided by Beilun Media Center."]),  # global.chinadaily.com.cn, t183
    (bp.CONTRIBUTED_LINE, ["Yu Yin in Ningbo and Fang Xiaoying in Hangzhou contributed to this story."]),  # t183
    (bp.GLUED_COUNTERS, ["Like0 Comment0 Browse2507"]),  # ningbo-china.com, t195
    (bp.KEYWORDS_LINE, ["Keywords: photography Freedom"]),  # t195
    (bp.STANDFIRST_BYLINE, ["The Coastal City of Ningbo is an up-and-coming destination By: Gary Bowerman & Janet "
                            "Martin"]),  # travelagewest.com, t197
    # the pages gathered after the eighth pass's rules (t207-t214), exactly as on the pages
    (bp.GLUED_COUNTERS, ["0Times"]),  # upchinatravel.com, t207
    (bp.MORE_WIDGETS, ["View Original Text", "Submit", "Show More", "View", "Related Moments"]),  # au.trip.com, t208
    (bp.AI_TRANSLATION_NOTE, ["*Created by local travelers and translated by AI."]),  # t208
    (bp.RATING_WIDGET, ["4.3/5991 reviews | Ancient Towns", "#11 of Best Things to Do in Ningbo"]),  # t208
    # tests/realgold/tune_other ninth pass (t215-t239), exactly as on the pages
    (bp.AGENCY_STAMP, ["(People’s Daily Online) 15:42, January 21, 2019"]),  # en.huanqiu.com, t229
    (bp.BYLINE, ["By: Sarah Yardley"]),  # prlog.org, t221
    (bp.PAGER, ["1 2 3 4 Next   >>|"]),  # en.chinaculture.org, t228
    (bp.GALLERY_POSITION, ["1/4 Next"]),  # t228
    (bp.LONE_NUMBER, ["470", "0"]),  # mfame.guru, t227; au.trip.com, t208
    (bp.WECHAT_PROMPTS, ["点击蓝字 关注我们", "Please scroll down for the English version"]),  # tianhengxin.com, t225
    (bp.ACCOUNT_DATE, ["FoSEr 宁波诺丁汉大学理工学院 2024-03-12"]),  # t225
    # the pages gathered after the ninth pass's rules (t240-t246), exactly as on the pages
    (bp.DATE_SOURCE, ["2014-04-10 14:57 Shanghai Daily Web Editor: Wang YuXia"]),  # www.ecns.cn, t242
    (bp.COMMENT_FORM, ["You must log in to post a comment."]),  # chinaeconomicreview.com, t244
    (bp.WP_COMMENT_FORM, ["Fill in your details below or click an icon to log in:"]),  # wanderingbrowns, t243
    # the tenth pass (t247-t271), exactly as on the pages
    (bp.DATE_LINE, ["1. March 2020", "3. March 2020"]),  # www.flybarbara.com, t259
    (bp.COMMENT_FORM, ["Comments are closed."]),  # brecorder.com, t251
    # www.thelocal.com, t280
    (bp.COMMENT_FORM, ["Member comments", "Log in here to leave a comment.", "Become a Member to leave a comment."]),
    (bp.SITE_WIDGETS, ["bottom of page"]),  # www.m2shipping.com, t267
    (bp.BACK_LINK, ["← Back to City List", "Back to all news"]),  # okchina.net t257, www.woodlandgroup.com t269
    (bp.CONTACT_PROMPT, ["Contact us", "We would love to hear from you. Please contact us here:"]),  # t269
    # the eleventh pass (t284-t305), exactly as on the pages
    (bp.DATED_HEADER, ["Author: Posttime:2022-07-28 08:44:49"]),  # m.simic.net.cn, t284
    (bp.RELATED_LINK, ["Related: Promoting opportunities and cooperation in Ningbo",  # t284
                       "Related: Ningbo-Zhoushan port expands footprint in Dubai"]),
    (bp.DATE_SOURCE, ["[2011-10-25]   Author:"]),  # www.nbcc.cn, t285
    (bp.ADDRESS_POSTCODE, ["9 Xuefu Road,Yinzhou Higher Educational Zone,NingBo,ZheJiang,P.R.China 315100"]),  # t285
    (bp.CONTACT_LINE, ["TEL: (86)574-87415011 FAX: (86)574-88122212 Copyright@NBCC"]),  # t285
    (bp.SITE_WIDGETS, ["Back to top button"]),  # splash247.com, t286
    (bp.DATE_BAR, ["07/17/2023 | News release | Distributed by Public on 07/17/2023 03:07"]),  # www.publicnow.com, t291
    (bp.LINK_PLACEHOLDER, ["[Link]"]),  # t291
    (bp.PAGE_NAV, ["Last", "Next"]),  # www.jctrans.com, t292
    (bp.URL_LINE, ["https://www.reuters.com/world/china/shanghai-suspends-schools-flights-typhoon-approaches-mainland-"
                   "china-2021-09-13/ (source: Reuters)"]),  # gl.leman.com, t293
    (bp.DATE_LINE, ["Tuesday 14th of September 2021"]),  # neolink.au, t294
    (bp.CONTACT_PROMPT, ["Talk to Us", "Get in touch to learn more about our global logistics and innovative freight "
                                       "forwarding solutions."]),  # t294
    (bp.REGISTRATION_WALL, ["Please Register", "To continue reading, please login or register for full access to our "
                                               "free content", "Loadstar subscriber",
                            "New Loadstar subscriber REGISTER"]),  # theloadstar.com, t297
    (bp.COMMENT_FORM, ["Comment on this article"]),  # t297
    (bp.IMAGE_FILE, [".png)"]),  # cceeccic.org, t298
    (bp.IMAGE_NAME, ["dreamstime_xs_129855944"]),  # theloadstar.com, t297
    # the pages gathered after the eleventh pass's rules (t306-t313), exactly as on the pages
    (bp.BREADCRUMB_CHAIN, ["Chamber of Shipping > Blog > News > International > Further lockdowns at Ningbo being "
                           "watched"]),  # shippingmatters.ca, t307
    (bp.ATTRIBUTION, ["PUBLISHER: Splash247 ("]),  # southafrica.savinodelbene.com, t308
    # the twelfth pass (t314-t339), as on the pages and in the same shapes
    (bp.ACTIONS, ["Save", "Print | Save"]),  # en.chinaculture.org, t325
    (bp.REGISTRATION_WALL, ["Subscribe to free Email Newsletter", "Sign up for our weekly newsletter"]),  # t325
    (bp.BREADCRUMB_PAIR, ["  Exchange>Stage", "News » Ningbo", "Culture & Arts > Heritage"]),  # t325
    (bp.CMS_CREDIT_CN, ["站长统计", "网站统计"]),  # ningbo.chinadaily.com.cn, t319
    (bp.DATE_SOURCE, ["pubtime:2014-03-25   hits: 6678", "Pub Date: 2021/5/6 Views: 12"]),  # www.nbqb.gov.cn, t328
    (bp.META_FIELDS_DATE, ["From: NetWriter:Date:2014-09-22",  # kaogu.cssn.cn, t332
                           "Source: Ningbo Daily Author:Time: 2021-03-04 10:20", "Writer: Date: 2019-1-5"]),
    (bp.NAMES_SIGNOFF, ["Geoffrey/Flossie |", "Anna & Tom |", "Flossie |"]),  # aircargonews.com, t316
    (bp.NEIGHBOUR_LINK, ["Next article:Dancing with the ghost in Los Angeles",  # en.g-photography.net, t323
                         "Previous post: A day at Dongqian Lake"]),
    (bp.PICTURE_RIGHTS_NOTICE, ["All the photos are from the web and the copyright retains with the original author. "
                                "If there is any problem, please contact us.",  # t323
                                "Copyright of the pictures belongs to the original authors; please contact us to "
                                "remove them."]),
    (bp.MORE_WIDGETS, ["Watch the video", "Play the full video here"]),  # www.moviesonline.ca, t317
    # the pages gathered after the twelfth pass's rules (t340-t344), as on the pages and in the same shapes
    (bp.PLACE_DATE, ["USA, Bethesda, Maryland. June 30, 2021",  # www.hotelexecutive.com, t340
                     "China, Ningbo, Zhejiang, 5 May 2022", "Hong Kong, China. Dec. 1, 2019"]),
    # the thirteenth pass (t345-t371), as on the pages and in the same shapes
    (bp.COMMENT_FORM, ["2 comments:", "15 Comments:",  # cheekiongaw.blogspot.com, t345
                       "Note: only a member of this blog may post a comment.",  # grazulis.blogspot.com, t353
                       "Only team members of this blog can post a comment."]),
    (bp.COMMENTER_SAID, ["jerryshe said...", "Bacarrat Wonderboy said...", "Anonymous said…"]),  # t345
    (bp.PAGER_PAIR, ["PREV:Yuyao Overview | Next:Wenling Overview |",  # cfguide.cn, t349
                     "Previous: Cicheng Ancient Town | Next: Dongqian Lake", "Prev post: Day 3 | Next post: Day 5"]),
    (bp.REPORTER_CREDIT, ["  (Reporter Wang Weichen edited Zeng Chen)",  # www.tellerreport.com, t362
                          "(Reporter Li Ming)", "(Reporters Wang Gang, edited by Zeng Chen)"]),
    (bp.ATTRIBUTION, ["Editor in charge: [Wang Kai]", "Editor in Charge: Li Na"]),  # t362
    (bp.GUIDE_SIDEBAR, ["Other Attractions In Ningbo",  # www.china-travel-guide.net, t367
                        "Nearby attractions", "More things to do in Ningbo"]),
    (bp.PAGE_TOOLS, ["3 上一篇 放大 缩小 默认", "上一篇 下一篇"]),  # daily.cnnb.com.cn, t358
    (bp.PAGE_BOXES, ["Spread the love", "Sharing is caring"]),  # hanjourney.com, t366
    # the pages gathered after the thirteenth pass's rules (t372-t377), as on the pages and in the same shapes
    (bp.OPINION_DISCLAIMER, ["The opinions expressed herein are the author's and not necessarily those of The Xinde "
                             "Marine News.",  # www.xindemarinenews.com, t372
                             "Views expressed in this article are those of the writer only."]),
    (bp.CONTACT_PROMPT, ["Please Contact Us at:"]),  # t372
    (bp.EMAIL_ALONE, ["admin@xindemarine.com", " news.desk@example.com.cn "]),  # t372
    (bp.EXPAND_TEXT, ["展开全文", "阅读原文 >"]),  # t372
    (bp.PAGE_BOXES, ["Related Personnel", "Related Posts"]),  # grandwaylaw.com t373, t372
    # the fourteenth pass (t378-t405), as on the pages and in the same shapes
    (bp.DATE_LINE, ["September 25 22:07 2020",  # www.lucknownewsflash.in, t378
                    "Oct 3 09:15:02 2019", "May 1st, 08:30 2021"]),
    (bp.POST_WIDGETS, ["Advertisement", "ADVERTISEMENT", "Advertisements"]),  # www.travelblog.org, t380
    (bp.FLAG_ALT, ["China's flag", "United Kingdom’s flag", "New Zealand's Flag"]),  # t380, t381
    (bp.POST_WIDGETS, ["Edit Blog Post", "Edit this post", "Additional photos below",  # t380, t381
                       "Photos: 5, Displayed: 5", "Photos: 12, Displayed: 9",
                       "Your basket is currently empty!", "Your shopping cart is empty.",  # easystoriesinenglish, t395
                       "Adjust font size:", "Adjust the text size"]),  # www.ccgp-fushun.com, t401
    (bp.SERVER_STATS, ["Tot: 0.112s; Tpl: 0.047s; cc: 6; qc: 24; dbt: 0.0135s; 1; m:saturn w:www (; sld: 1; ; mem: "
                       "1.2mb", "Time: 0.2s; Qry: 31; Mem: 4.5mb;"]),  # t381
    (bp.POST_WIDGETS, ['Be the first to comment on "Typh',  # resilientcitiesresearch.com, t387
                        "Be the first to comment", "Be the first to reply."]),
    (bp.SEE_ALSO, ["See also  Donald Trump denies quid pro quo with China on trade deal and inquiry into Joe Biden "
                   "and son", "See also: Ningbo port volume hits record"]),  # www.asianewsday.com, t388
    (bp.REPRINT_NOTICE, ["This article is reproduced by the editor of this website. The purpose of reprinting is to "
                         "convey more information. If you are involved in the content, copyright and other issues, "
                         "please contact this website within 30 days, we will delete the content as soon as "
                         "possible! The copyright of this article belongs to the original author, and the content is "
                         "the author's personal opinion. This site has the final int",  # www.ningbo-china.com, t390
                         "This post was republished from Xinhua."]),
    (bp.COPYRIGHT_WARNING, ["Warning:The use of any news and articles published on eChinacities.com without written "
                            "permission from eChinacities.com constitutes copyright infringement, and legal action "
                            "can be taken.",  # www.echinacities.com, t393
                            "Disclaimer: No part of this article may be reproduced without prior written permission."]),
    (bp.COMMENT_POLICY, ["All comments are subject to moderation by eChinacities.com staff. Because we wish to "
                         "encourage healthy and productive dialogue we ask that all comments remain polite.",  # t393
                         "Comments are moderated and will appear after approval."]),
    (bp.TOOLBAR_DATE, ["0 Comment(s)Print E-mail Shanghai Daily, May 25, 2015",  # www.ccgp-fushun.com, t401
                       "3 Comments Print E-mail China Daily, 12 June 2014", "0 Comment(s) Print 2015-05-25"]),
    # the pages gathered after the fourteenth pass's rules (t406-t411), as on the pages and in the same shapes
    (bp.PHOTO_TITLES, ["Ningbo 004", "Ningbo 018    Ningbo 024",  # lewisesinchina.blogspot.com, t408
                       "Tianyi Square 0123", "IMG 0045"]),
    (bp.BLOG_WIDGETS, ["sunny 72 °F", "partly cloudy -3 °C",  # inchinahil.travellerspoint.com, t407
                       "View Buddhist Pilgrimmage on inchinahil's travel map.", "View China 2019 on anna’s map",
                       "The content of this field is kept private and will not be shown publicly.",  # t411
                       "  • Web page addresses and e-mail addresses turn into links automatically.",
                       "  • Allowed HTML tags: <a> <em> <strong> <cite> <code> <ul> <ol> <li>",
                       "  • Lines and paragraphs break automatically.",
                       "  • Use <!--pagebreak--> to create page breaks.",
                       "More information about formatting options", "Verification Code",
                       "This question is for testing whether you are a human visitor and to prevent spam."]),
    # the fifteenth pass (t412-t436), as on the pages and in the same shapes
    (bp.DATE_SOURCE, ["Date:2022-01-12 Readers:", "Date: 2021-03-05 Readers: 120"]),  # sisi.gstta.org, t413
    (bp.DATE_LINE, ["October 28, 2012 7:45 pm Last Updated: October 1, 2015 11:59 am",  # www.theepochtimes.com, t429
                    "2019-05-30 10:21 Updated: 2019-06-01 08:00", "May 3, 2020 Modified: May 4, 2020"]),
    (bp.CMS_CREDIT_CN, ["在线客服"]),  # www.chinaebr.com, t427
    (bp.PAGE_BOXES, ["Posts made in August 2021", "Posts from March 2019",  # uspti.com, t428
                     "Printer-friendly versionPrinter-friendly versionPDF versionPDF version",  # t430
                     "Printer-friendly version", "PDF version"]),
    (bp.REGISTRATION_WALL, ["Subscribe", "Subscribe now"]),  # www.shippingherald.com, t415
    (bp.NEWSLETTER_BOX, ["To our FREE newsletter", "To our weekly newsletter",  # t415
                         "Get all the latest maritime news delivered straight to your inbox.",
                         "Get Today's Headlines in your inbox:",  # www.bostonglobe.com, t431
                         "The day's top stories delivered every morning.",
                         "Thank you for signing up! Sign up for more newsletters here", "Thank you for subscribing!"]),
    (bp.OWNERSHIP_NOTICE, ["Seatrade Maritime is part of the Informa Markets Division of Informa PLC",  # t421
                           "This site is operated by a business or businesses owned by Informa PLC and all copyright "
                           "resides with them. Informa PLC's registered office is 5 Howick Place, London SW1P 1WG. "
                           "Registered in England and Wales. Number 8860726.",
                           "Port Weekly is part of the Maritime Media Group of Example Holdings Ltd."]),
    # the pages gathered after the fifteenth pass's rules (t437-t443), as on the pages and in the same shapes
    (bp.REPORTER_CREDIT, ["(Reporting by Muyu Xu and Ryan Woo; editing by Richard Pullin)",  # t437
                          "(Additional reporting by Li Na; writing by Tom Smith, editing by Ann Lee)",
                          "(Correspondent Dong Nan of this newspaper)", "(Reporter Wang Li of this website)"]),  # t439
    (bp.ARTICLE_INFO, ["Categories: Ports Coastal/Inland Containers Terminals Container Shipping"]),  # t437
    (bp.PROVIDED_CREDIT, ["Information courtesy of Zhejiang News. Edited by Richard Smith",  # en.chinaleather.org t438
                          "Content courtesy of Ningbo Daily", "Story courtesy of Xinhua, translated by Li Ming."]),
    (bp.ACTIONS, ["Printing Forwarding", "Print | Forward", "Forwarding"]),  # t438
    (bp.POST_WIDGETS, ["- Advertisment -", "— Advertisement —", "Advertisment",  # chinastockmarketnews.com t440
                       "Comments Off on Shipping disruptions contained as Ningbo port nears reopening",  # juldians t442
                       "Comments Off"]),
    (bp.DATE_LINE, ["in Port News 19/08/2021", "in Shipping 2021-08-19", "in Logistics Aug 19, 2021"]),  # t442
    # the sixteenth pass (t460-t491), as on the pages and in the same shapes
    (bp.KEYWORDS_LINE, ["Tag Archives: lake",  # ningbogreeters.info, t486
                        "Archive | Ningbo RSS feed for this section",  # ningbonights.wordpress.com, t472
                        "Category Archives: Travel", "Monthly Archives: March 2014", "Archives: Ningbo"]),
    (bp.LONE_NUMBER, ["30 Apr", "8 Feb", "24 May", "16 Sept.", "1 Dec"]),  # t472
    (bp.MORE_WIDGETS, ["Continue reading", "Continue reading →", "Continue Reading…",  # t472
                       "Mentioned in This Moment", "Mentioned in this post"]),  # nz.trip.com, t487
    (bp.POST_WIDGETS, ["A Travellerspoint blog", "A WordPress.com blog",  # hannahinchina.travellerspoint.com, t468
                       "1 person liked this", "12 people like this"]),  # t487
    (bp.BLOG_WIDGETS, ["semi-overcast 26 °C", "partly-cloudy 18 °C", "mostly sunny 80 °F"]),  # t468
    (bp.COMMENT_FORM, ["You have to be logged in .",  # www.thestartupadventure.com, t463
                       "You need to be logged in to post a comment."]),
    (bp.COPYRIGHT_WARNING, ["Warning: count(): Parameter must be an array or an object that implements Countable in "
                            "/nfs/c02/h02/mnt/42122/domains/ on line 405",  # ningboguide.com, t476
                            "Deprecated: Function create_function() is deprecated in /home/site/wp-includes/x.php on "
                            "line 12"]),
    (bp.GALLERY_POSITION, ["1/3", "2/3", "3 / 12"]),  # www.timeoutshanghai.com, t488
    (bp.IMAGE_NAME, ["Seafood-House-00-0", "Tianyi-Pavilion-2019-05", "dreamstime_xs_129855944"]),  # t488, t297
    (bp.PLACE_DATE, ["CEED October 8, 2018",  # cuceed.org, t464
                     "Xinhua 8 October 2018", "NBTV Oct. 8, 2018"]),
    (bp.DATE_LINE, ["Hits:603  Datetime:2018/3/28",  # dedaloitalia.com, t483
                    "Views: 1200 Date: 2019-05-05", "Datetime: 2018/3/28 10:21"]),
    (bp.CUT_TEASER, ["The Old Bund is located at the confluence of three rivers, right at the heart of Ningbo, with a "
                     "hist[...]",  # chinaadvent.com, t491
                     "Ningbo's port handled a record volume last year […]", "A short teaser [ ... ]"]),
    (bp.BREADCRUMB_PAIR, ["Zhejiang•Ningbo•Dongqian Lake",  # nz.trip.com, t487
                          "Asia•China•Zhejiang•Ningbo"]),
    # the pages gathered after the sixteenth pass's rules (t492-t497), as on the pages and in the same shapes
    (bp.CREDIT_LINE, ["Text: Flower Dad / Picture: Flower Mom (Originally published, may not be reproduced without "
                      "the author's consent)",  # www.ningbo-china.com, t493
                      "Words: Li Ming | Photos: Wang Gang", "Text: Anna / Pictures: Tom"]),
    # the seventeenth pass (t498-t517), as on the pages and in the same shapes
    (bp.READING_TIME, ["Reading Time: < 1 minute",  # stlplace.com, t516
                       "Reading time: less than 2 minutes", "Reading Time: under 5 mins"]),
    (bp.POST_WIDGETS, ["%d bloggers like this:",  # t516
                       "3 bloggers like this:", "1 blogger likes this"]),
    # a page gathered after the seventeenth pass's rules (t518-t522)
    (bp.COPYRIGHT, ["Foto 51403746 © Minipig5188", "© Minipig5188",  # theloadstar.com, t518
                    "Photo 12345 © John Smith", "© Xinhua"]),
    # the eighteenth pass (t523-t549), as on the pages and in the same shapes
    (bp.CREDIT_LINE, ["(Aerial photo) Photographed by China News Agency reporter Wang Gang",  # tellerreport, t523
                      "Photographed by Xinhua reporter Huang Zongzhi", "(Video) Filmed by our reporter Li Ming"]),
    (bp.BYLINE, ["by Lisa Movius, Shanghai Editor",  # www.movius.us, t525
                 "By Zhang Wei, China Daily correspondent", "By Tom Smith, Staff Writer"]),
    (bp.IMAGE_NAME, ["Ningbo_Banner", "4634ningbo",  # www.adventuresaroundasia.com, t527
                     "Tianyi_Pavilion", "20190301ningbo"]),
    (bp.GLUED_COUNTERS, ["1,481 次觀看", "3 小時前",  # tw.tv.yahoo.com, t537
                         "2,300 次观看", "5 分钟前",
                         "17 responses", "3 replies", "1,481 views"]),  # www.mylot.com, t546
    (bp.WECHAT_PROMPTS, ["Download the NBC News app for the latest news and politics",  # magijourney.tk, t538
                         "Get the China Daily app to read more", "Download our free app."]),
    (bp.RELATED_LINK, ["READ | Video shows people huddling together to avoid getting swept away by devastating "
                       "flood waters in China",  # www.news24.com, t539
                       "READ | New drone footag", "Read more | Ningbo port reopens", "Read also | A new bridge"]),
    (bp.MORE_WIDGETS, ["Photos and description",  # worldtourisminfo.com, t543
                       "Photo & details", "Pictures and reviews"]),
    (bp.POST_WIDGETS, ["@sophialin (2677)", "@nikkiji (62)", "@traveller_88"]),  # t546
    (bp.DATE_LINE, ["May 31, 2008 9:46pm CST", "June 2, 2008 10:05 am CST"]),  # t546
    (bp.LONE_NUMBER, ["2 Jun 08", "30 Apr 21"]),  # t546
    (bp.READ_MORE, ["Read also", "Read also: Ningbo opens a new museum"]),  # eng.khovar.tj, t549
    # a page gathered after the eighteenth pass's rules (t550-t555)
    (bp.SOURCE_DATE, ["Source: CCTV.com | 05-02-2008 09:14",  # cctv.com, t550
                      "Source: Xinhua | 23/11/2019", "Editor: Li Ming 02.05.2008 09:14"]),
    # the nineteenth pass (t561-t585), as on the pages and in the same shapes
    (bp.COPYRIGHT, ["© China Rubber Industry Association",  # en.cria.org.cn, t561
                    "© Ningbo Port Group Co Ltd", "© Zhejiang Daily Press Group"]),
    (bp.CONTACT_LINE, ["Tel: +86-10-84787236, 84915391",  # t561
                       "Tel: 0574-87654321, 0574-87654322", "Phone: +86 574 8765 4321, 8765 4322"]),
    (bp.ADDRESS_POSTCODE, ["5/F, Bldg. B, Kinglong International, Chaoyang Dist., Beijing 100107, China",  # t561
                           "No. 1 Ningnan Road, Yinzhou District, Ningbo 315100, P.R. China"]),
    (bp.ACTIONS, ["close", "Close",  # ningbo.chinadaily.com.cn, t572
                  "Follow Us:", "Follow us on:", "Follow us"]),  # t561
    (bp.NAMES_SIGNOFF, ["Keith Wallis, Special Correspondent |",  # joc.com, t580
                        "Mary Smith, Senior Editor |", "Full coverage of Boao Forum for Asia |",  # t568
                        "What do we know about AIIB |", "BC lures Chinese tourists |"]),
    (bp.PRINT_PAGE, ["(China Daily 05/01/2015 page10)",  # global.chinadaily.com.cn, t568
                     "(China Daily 12/03/2019 page 4)", "(Shanghai Daily 3/7/2021 page A5)"]),
    (bp.DATE_LINE, ["2023-03-06 418次",  # www.fijiconsulate.cn, t581
                    "2021-11-02 1,204次", "2023-03-06 418 views"]),
    (bp.COOKIE_NOTICE, ["Our Privacy Statement & Cookie Policy",  # ningbo.chinadaily.com.cn, t572
                        "Privacy Policy and Terms of Use",
                        "By continuing to browse our site you agree to our use of cookies, Privacy Policy and Terms of "
                        "Use. You can change your cookie settings through your browser.",
                        "Terms of Use | Privacy Policy".replace(" |", ","), "Cookie Policy and Privacy Notice",
                        "We use cookies to improve your experience on our site. By continuing you accept our cookies.",
                        "By using this website you consent to the use of cookies."]),
    # pages gathered after the nineteenth pass's rules (t586-t593)
    (bp.WECHAT_PROMPTS, ["Scan code to share",  # ecbnnews.com, t587
                         "Scan the QR code to follow us", "Long-press the code to read more"]),
    (bp.DATE_LINE, ["Home Culture 2019-07-14",  # www.travelchina1.com, t590
                    "Home Travel News 2021-03-02", "Home Culture July 14, 2019"]),
    # the twentieth pass (t594-t613)
    (bp.BREADCRUMB_SLASH, ["Home   | New Year Gala   | Year of Tiger   | Festival Traditions   | Videos & Audios   "
                           "| Photo Gallery   |  ",  # en.chinaculture.org, t611
                           "Home | About Us | News | Contact", "首页 | 新闻 | 图片"]),
    (bp.EXPAND_TEXT, ["图片描述",  # chinaadvent.com, t603
                      "图片说明"]),
    (bp.MESSENGER_CONTACT, ["Register to Free Apply Scholarship ,WhatsApp: +86 15066822096",  # panda-admission, t594
                            "WhatsApp: +86 138 0000 0000", "Apply now - WeChat ID: 13800000000"]),
    (bp.SYNONYM_BOX, ["synonym",  # chinawiki.net, t604
                      "Hemudu Site Museum generally refers to Yuyao Hemudu Site Museum", "Synonyms",
                      "Tianyi Pavilion generally refers to Tianyi Pavilion Museum"]),
    # the twenty-first pass (t621-t647)
    (bp.WP_COMMENT_FORM, ["Google+ photo",  # ningbonights.wordpress.com, t636
                          "You are commenting using your Google+ account. Log Out /  Change )",
                          "Google+ picture"]),
    (bp.COMMENT_FORM, ["Your email is never published or shared. Required fields are marked *",  # t643
                       "Your email address is never published.", "Your e-mail is never shared or published"]),
    (bp.POST_WIDGETS, ["edit", "[edit]", "[ edit ]",  # pinocchiopedia.com, t635
                       "View attachment 391196 View attachment 391197 View attachment 391198",  # defence.pk, t634
                       "View attachment 12345"]),
    (bp.CITATION_LINE, ['  1. ^ a b "South Business District ushers in 5th anniversary". english.ningbo.gov.cn. '
                        "Retrieved April 30, 2016.",  # pinocchiopedia.com, t635
                        '3. ^ "Port statistics". www.nbport.com.cn. Retrieved June 28, 2020.',
                        "12. ^ Smith, John (2019). Ningbo. p. 4."]),
    (bp.DATE_SOURCE, ["2010-07-02 09:38:51 GMT2010-07-02 17:38:51 (Beijing Time)  China Daily",  # english.sina, t640
                      "2015-03-01 10:05:00 (Beijing Time) Xinhua", "2012-05-06 08:00 (GMT) Shanghai Daily"]),
    # pages gathered after the twenty-first pass's rules (t648-t654)
    (bp.NEWSLETTER_BOX, ["Join Our Newsletter",  # news.maritime-network.com, t648
                         "Enter your email to receive a weekly round-up of shipping news.",
                         "Join our free weekly newsletter", "Enter your email address to get our daily updates"]),
    (bp.DATE_LINE, ["Last Updated July 16, 2019",  # www.uwosh.edu, t651
                    "Last updated 2019-07-16", "Last Updated: March 3, 2020"]),
    # the twenty-second pass (t655-t672)
    (bp.SOCIAL_BAR, ["  \u2022 WeiBo", "  \u2022 WeiXin",  # www.e-yamaguchi.com, t663
                     "\u2022 Facebook", "\u00b7 LinkedIn", "\u2022 Email"]),
    (bp.POST_WIDGETS, ["[Edit this paragraph] Overview",  # gnagarna.com, t656
                       "[Edit this section] History", "[edit this paragraph]"]),
    (bp.PAGE_BOXES, ["Related Photo Set",  # archive.shine.cn, t669
                     "Related Photos", "Related Videos", "Related Gallery", "Related Picture Galleries"]),
    # pages gathered after the twenty-second pass's rules (t673-t677)
    (bp.PRINT_CLOSE, ["Top\u3011 \u3010Print\u3011 \u3010Close",  # wglyj.ningbo.gov.cn, t673
                      "\u3010Top\u3011 \u3010Print\u3011 \u3010Close\u3011", "[Back to top] [Print] [Close]"]),
    (bp.DATE_SOURCE, ["Date: 2022-03-08Source: The People's Government of Ningbo MunicipalityPage views: Font-Size: "
                      "[ large medium small ]Color:",  # wglyj.ningbo.gov.cn, t673
                      "Date: 2023-01-05Source: Ningbo Municipal Bureau of Culture, Radio, Television and TourismPage "
                      "views: 12"]),
    (bp.WECHAT_PROMPTS, ['Focus on"Culture NB"',  # wglyj.ningbo.gov.cn, t673
                         "Follow \u201cNingbo Release\u201d", 'Follow us on "Insight Ningbo"']),
    (bp.CONTACT_EMAIL_ANY, ["- Contact the writer at wangkaihao@ chinadaily.com.cn",  # pressreader.com, t675
                            "Contact the reporter at lijing@chinadaily.com.cn", "\u2014 Contact the writers at "
                            "news@example.org"]),
    # the twenty-third tune_other pass (t678-t698)
    (bp.DATE_LINE, ["2006 - 08 - 11",  # en.yy.gov.cn, t678
                    "2021/6/10 0:00:001056",  # china-h2.com, t698: a view count glued after the seconds
                    "2019 - 7 - 21 10:30", "2021-06-10 09:15:2287"]),
    (bp.HOMEPAGE_LINKS, ["View on mobile",  # cbri.group, t682
                         "View in desktop", "Mobile version", "View full site", "Desktop site"]),
    (bp.PAGE_BOXES, ["Recommended China Guide:",  # www.visitourchina.com, t697
                     "Recommended Tours:", "Recommended Hotels in Ningbo:"]),
    (bp.PRINT_PAGE, ["(HK Edition, CHEN QIDE, China Daily staff)",  # global.chinadaily.com.cn, t680
                     "(Xu Dashan, China Daily staff)", "(US Edition, Li Wei, China Daily staff)"]),
    # the twenty-fourth tune_other pass (t699-t723): author and source fields with a one-word value each
    (bp.DATED_HEADER, ["Author:unknown  Source:unknown   Release time:2015-11-27 10:51:06  Browse the number:",  # t711
                       "Source:Xinhua Release time:2019-05-30", "Author:admin Posted on: 2020-01-02"]),
    # the pages gathered after the twenty-fourth pass's rules (t724-t728), exactly as on the pages
    (bp.PAGE_BOXES, ["Share on", "Hot words",  # en.chinaculture.org, t727
                     "Share on:", "Hot Topics"]),
    (bp.CONTACT_PROMPT, ["Send your message to us:",  # www.nhyunmao.com, t728
                         "Send your inquiry to us", "Send your enquiry to us"]),
    (bp.BLOG_WIDGETS, ["  \u2022 * CAPTCHA: Please select the Tree",  # t728
                       "CAPTCHA: Please select the Car", "* Captcha:"]),
    # the twenty-fifth tune_other pass (t729-t744), exactly as on the pages
    (bp.PAGE_BOXES, ["Popular Posts",  # housesitdiary.blogspot.com, t730
                     "Popular Stories", "Popular articles"]),
    # gathered after the twenty-fifth pass's rules (t745-t748)
    (bp.COMMENT_FORM, ["One Reply to “City of Ningbo”",  # www.terrybabij.com, t745
                       "2 thoughts on “Moon Lake”", "3 Responses to \"Ningbo Pictures\""]),
    # the twenty-sixth tune_other pass (t749-t770), exactly as on the pages
    (bp.PAGE_BOXES, ["Recent Posts",  # www.1upcargo.com, t764
                     "Recent Stories", "Recent articles"]),
    (bp.GLUED_COUNTERS, ["30 views0 comments",  # t764
                         "12 views 3 comments", "1,204 views2 likes"]),
    # gathered after the twenty-sixth pass's rules (t771-t776): empty bylines
    (bp.EMPTY_STAMP, [", by",  # www.ajustlock.com, t774
                      "by - 14:29",  # sophilicity.blogspot.com, t776
                      "by – 9:05 pm", "by -"]),
    # the twenty-seventh tune_other pass (t777-t800), exactly as on the pages
    (bp.KEYWORDS_LINE, ["Category Off Campus"]),  # nottinghamchina.com, t783
    (bp.SITE_WIDGETS, ["XSEC:002142 Stock Report"]),  # simplywall.st, t795 (tune_sites s187)
    (bp.PAGE_BOXES, ["Recent past performance updates", "Recent updates",  # t795
                     "Recent financial health updates"]),  # s187
    (bp.READING_TIME, ["  • 3 min read"]),  # emilyhodson1992.wixsite.com, t784
    (bp.MORE_WIDGETS, ["Keep Reading"]),  # theworkersrights.com, t794
    (bp.DATE_LINE, ["October 7, 2014   click:"]),  # en.nbt.edu.cn, t789
    (bp.RELEASE_CREDIT, ["CAS news release, November 9, 2016"]),  # window-to-china.eu, t792
    # gathered after its first rules (t801-t805)
    (bp.AI_SUMMARY_NOTE, ["AI-generated summary report",  # www.scimagoiris.com, t801
                          "AI generated content", "AI-generated summary"]),
    # the twenty-ninth tune_other pass (t831-t850), exactly as on the pages
    (bp.POST_WIDGETS, ["点赞6 分享", "Inline Feedbacks", "View all Answers",  # hefeiconnect.com, t837
                       "View all comments", "点赞"]),
    (bp.NEIGHBOUR_LINK, ["Previous:Trade tension spills over to academic area",  # m.cnzhongchisteel.com, t843
                         "Next:China to build multi-billion-dollar offshore wind farm near east coast"]),
    (bp.IMAGE_ALT_NUMBER, ["Where to go to Ningbo and what to see? 5223_1",  # folksyguide.com, t848
                           "Where to go to Ningbo and what to see? 5223_2", "Tianyi Pavilion 5223_12"]),
    (bp.LABEL_DATE_HITS, ["FIAINANA: 2022-09-17 HITS: 60",  # www.joiwo.com, t840 (a machine-translated "Time:")
                          "Datum: 2022-09-17 Views: 12", "Fecha: 2019-05-06 10:22 Hits: 7"]),
    # the thirtieth tune_other pass (t851-t872), exactly as on the pages
    (bp.DATE_LINE, ["17th, February 2020",  # www.lxtelecom.com, t851
                    "发表于 2018-06-06 10:54",  # www.sunmmit.com, t867
                    "3rd, May 2019"]),
    (bp.DATE_BYLINE, ["by prudence on 25-Feb-2016",  # nilaligned.net, t855
                      "by Jane Doe on May 5, 2019", "By Li Wei on 2019-05-06 10:22"]),
    (bp.SITE_WIDGETS, ["From Wikipedia, the free encyclopedia"]),  # en.wikipedia.org t864, tune_sites s197, s204
    (bp.IMAGE_FILE, ["图片 1", "图片 2", "图片 3"]),  # www.sunmmit.com, t867
    (bp.MONTAGE_CAPTION, [
        # en.wikipedia.org, t864
        "Clockwise from the top: Zhaobao Hill, Zhenhai Harbor Area, Anyuan Fort, Ningbobang Museum, Zhenhai Skyline",
        "Clockwise: South Business District, Yinzhou District Government of Ningbo, Tianfeng Pagoda, Dongqian Lake, "
        "Tianyi Pavilion Museum",  # en.linkfang.org, t862
        "Clockwise from top left: Tianyi Square, Ningbo Museum"]),
    (bp.NEWSLETTER_BOX, ["Did you subscribe to our daily newsletter?",  # mfame.guru, t858
                         "Subscribe to our newsletter"]),  # t534
    (bp.LINK_LINE, ["It’s Free! Click here to Subscribe!"]),  # mfame.guru, t858
    (bp.CHARACTERS_CAPTION, ['"Ningbo" in Simplified (top) and Traditional (bottom) Chinese characters',  # t862, t863
                             '"Beilun" in Chinese characters']),
    # the thirty-first tune_other pass (t873-t893), exactly as on the pages
    (bp.SITE_WIDGETS, ["Return to top",  # en.nbplas.com, t873
                       "Page copy protected against web site content infringement by Copyscape"]),  # t886
    (bp.BREADCRUMB_LABEL, ["The current position: Home > 参展流程 >"]),  # en.nbplas.com, t873
    (bp.SPELLED_COUNTER, ["ten thousand and eighty-six", "ten thousand and eighty-seven",  # www.yqqlm.com, t891
                          "ten thousand and eighty-eight", "one hundred and twenty-five thousand"]),
    (bp.WIKI_LAYOUT, ["{{Short description|Metro line in Ningbo, China}}", "{{Infobox rail line",  # friendlywiki.com,
                      "| name =", "| logo = NBRT_Line_2_icon.svg", "| logo_width = 80px",  # t893
                      "| color = {{rcr|NingboRT|2}}", "| image_width = 300px", "| image_alt =", "| daily_ridership =",
                      "| map_state = collapsed", "}}",
                      "Mapsize:200px", "Image Map1:ChinaZhejiangNingbo.png",  # everything.explained.today, t865
                      "Map Caption1:Ningbo in Zhejiang"]),
    # and two widgets earlier passes left, exactly as on the pages
    (bp.SITE_WIDGETS, ["Zoom in", "enlarge   reduce",  # t700
                       "WhatsApp Online Chat !"]),  # t728
    # the thirty-second tune_other pass (t894-t913), exactly as on the pages
    (bp.POST_WIDGETS, ["Be the first to start a discussion here.",  # www.hubbry.com, t912
                       "Posted in Uncategorized"]),  # blogs.nottingham.ac.uk, t907
    (bp.AUTHOR_BOX, ["About The Author"]),  # greengopost.com, t896
    (bp.SITE_WIDGETS, ["Open search", "logo"]),  # www.hubbry.com, t912
    # the thirty-third tune_other pass (t914-t931), exactly as on the pages
    (bp.GLUED_TRAIL, ["Team tour in Ninghai on May 2,2018Position: Home> Team tour in Ninghai on May 2,2018",  # t922
                      "Port newsLocation: Home > News > Port news"]),
    (bp.DASHED_DATE, ["- 2022-03-15-",  # m.en.my-garmentsteamer.com, t915
                      "– 2019-05-08 –"]),
    (bp.PAGE_TOOLS, ["back | top | print",  # www.dachser.com, t917
                     "Back | Top", "Top | Print | Close"]),
    (bp.GLUED_META_DATE, ["    news source:WECOannouncer:adminPage views:3191Release date:2018-05-02share it:",  # t922
                          "Source: Ningbo Daily Release time: 2019-05-08 10:22:31"]),
    # the thirty-fifth tune_other pass (t953-t964), exactly as on the pages
    (bp.EMOJI_LABEL, ["🌍 Cuisine: Chinese", "🏷️ Category: Dessert",  # dishwhiz.info, t961
                      "📌 Tags: tangyuan, Ningbo"]),
    (bp.ACTIONS, ["Print RecipePrint Recipe",  # recipes.latimes.com, t963
                  "Print Recipe", "Save Recipe | Share this article"]),
    (bp.COMMENT_RULES, ["Please, be reasonably respectful when making comments. I do not tolerate in particular "
                        "sexism, racism nor homophobia. Personal attacks, manipulation and trolling are also very "
                        "much unwelcome here.The author reserves the right to delete any abusive comment.",  # t947
                        "We reserve the right to remove off-topic comments."]),
    (bp.COMMENT_MODERATION, ["Preliminary comment moderation is... ON (your comment may take some time, maybe days "
                             "or weeks to appear).",  # t947
                             "Comment moderation is on."]),
    (bp.WRITER_POST, ["Asia Correspondent",  # a container-news page, tune_sites s336
                      "Editor", "Contributors",  # deploy.doczz.net, t926
                      "Senior Business Reporter"]),
    # the thirty-fourth tune_other pass (t932-t949), exactly as on the pages
    (bp.BYLINE, ["-By Shao Shengliang, Huang Hui",  # english.nit.net.cn, t938
                 "–By Jin Lu"]),
    (bp.COPYRIGHT, ["Copyright @2015 Zhejiang University Ningbo Inst",  # english.nit.net.cn, t938
                    "Copyright @ 2019 Ningbo Daily"]),
    (bp.PAGE_BOXES, ["Share this webpage:",  # www.stonepages.com, t948
                     "Share this Post:"]),  # tune_sites s265
    (bp.SITE_WIDGETS, ["Copyright Statement"]),  # www.stonepages.com, t948
    (bp.POWERED_BY, ["Publishing system powered by Movable Type 2.63",  # www.stonepages.com, t948
                     "Proudly powered by WordPress"]),
    (bp.PROVIDED_CREDIT, ["Edited from China Daily (18 May 2013)",  # www.stonepages.com, t948
                          "Adapted from Ningbo Daily."]),
    (bp.CITATION_LINE, ['edit- ^ "Cooper nature-vacuum circuit breaker". Archived from the original on 2010-09-01. '
                        'Retrieved 2011-02-02.',  # pinocchiopedia.com, t949
                        '- ^ "Cixi Export Processing Zone". HKTDC. 4 Aug 2010.',
                        '- ^ a b c "Hangzhou Bay New Zone (HBNZ)". Ningbo Hangzhou Bay New Zone.[permanent dead link ]',
                        '- ^ "Hangzhou Bay Bridge opens economic develo']),
    (bp.WEIBO_BAR, ["转发(52716)| 收藏| 评论(12038)今天12:45 来自政府版微博",  # bagongwatch.tumblr.com, t944
                    "转发| 收藏| 评论"]),
    # the twenty-sixth tune_sites pass (metrics26), exactly as on the pages
    (bp.COMMENT_FORM, ["Comments (0)", "Please log in or to post comments.", "  • Oldest First",  # plasticstoday, s313
                       "  • Newest First", "Loading Comments..."]),
    (bp.SOCIAL_BAR, ["YouTube Facebook LinkedIn Google+ Twitter Xinginstagram rss  "]),  # www.bio-itworld.com, s319
]

# Real article sentences that share words with the furniture; none may match.
ARTICLE_SENTENCES = [
    # the thirty-fifth pass's furniture words in sentences and recipe lines
    "⏱️ Prep: 45 minutes",
    "🍳 Cook: 10 minutes",
    "🌍 Ningbo's cuisine: 3 dishes in 2019 made the list, a guide said.",
    "Print the recipe for the 3 dishes of 2019 and save it.",
    "Save Recipe 3 for the 12 guests of 2019.",
    "Cuisine: the 3 chefs of 2019 cooked Ningbo dishes, the guide said.",
    "The reporter said 3 ships came in 2019 and the editor agreed.",
    "Ningbo hosted 3 foreign correspondents in 2019",
    "The 3 bloggers said in 2019 that comments on the port plan ran to 12 pages.",
    # the thirty-fourth pass's furniture words in sentences and list items
    "- By train",
    "- By bus, 2 hours",
    "Buses powered by hydrogen",
    "Ningbo's new port cranes powered by wind",
    "Copyright protection of 3 brands was stepped up in 2019.",
    "Edited from China Daily reports, the 3 stories ran in 2013 with 12 photos of the site.",
    "- 3 ^ 2 equals 9, the teacher wrote.",
    "Share this webpage with 3 friends.",
    "转发这条微博的人有3万,评论也多。",
    # the thirty-third pass's furniture words in sentences
    "The firm took a position: home > away, the 3 clubs said in 2019.",
    "Its position: Home> the 12 berths of 2019, he said.",
    "- 2022 saw 3 new berths -",
    "Back",
    "Back to the 3 berths of 2019 | top ports",
    "Top 3 ports | print 2019",
    "- 12 ships came on 2022-03-15, the port said -",
    "Source: the bureau said the release date: 2018-05-02 was set for the 3 reports, which sold well.",
    # the thirty-second pass's furniture words in sentences
    "Be the first to start a business in the 12 new parks, the bureau said in 2019.",
    "The notice was posted in 2019 on 3 boards.",
    "Posted in International Seaport - 9 Aug 2021, 9:43 AMAs the world’s third-largest cargo port",  # t048's glued line
    "About the author of the 2019 report, 3 firms said little.",
    "Open search and rescue drills took 12 hours in 2019.",
    "The logo of the 2019 fair was shown on 3 screens.",
    # the twenty-sixth tune_sites pass's furniture words in sentences
    "Newest first, the port said 3 ships came in 2019.",
    "Comments (0) were made by the 3 firms in 2019.",
    "RSS feeds of 3 sites grew 12% in 2019.",
    "Please log in to the portal to see the 3 reports of 2019.",
    # the thirty-first pass's furniture words in sentences
    "Return to top form took the 3 firms until 2019, the report said.",
    "The current position of the port, 3rd in the world in 2019, was kept.",
    "Ten thousand and eighty-six visitors came in 2019, the museum said.",
    "Two thousand",
    "Three hundred and twenty workers came.",
    "Page copy protected by law, the 12 firms said in 2019.",
    "| stations = 27",
    "Zoom in on the 12 new berths of 2019, the port said.",
    "WhatsApp online chat groups grew 30% in 2019.",
    "Enlarge and reduce the 3 maps, the bureau said.",
    "| open = {{Start date and age|2015|09|26|df=yes}}",
    "Subdivision Name2:Ningbo",
    "| Port | 2019 | 2020 |",
    "Map: the 12 new stations of 2019, the bureau said.",
    "The image of the port = 3 berths in 2019, he said.",
    # the thirtieth pass's furniture words in sentences
    "By the end of 2019 on 25-Feb-2016 terms, output rose 12%.",
    "by the port on May 5, 2019, 3 berths were opened.",
    "From Wikipedia, the free encyclopedia, we took 3 figures of 2019.",
    "图片 1 shows the 12 berths built in 2019.",
    "The 17th, February 2020 meeting approved 3 projects.",
    "发表于 2018-06-06 10:54 的文章 was read 300 times.",
    "Clockwise rotation of the 3 cranes began in 2019, the port said.",
    "Did you subscribe to our daily newsletter, 30% of readers were asked in 2019.",
    "It's free to click here, the 3 firms said in 2019.",
    '"Ningbo" in Chinese means calm waves, and 3 of its 12 characters are on the 2019 list.',
    # the twenty-ninth pass's furniture words in sentences
    "Next: the 2019 plan adds 3 berths, the port said.",
    "Previous: 12% growth in 2018 was the record.",
    "View all comments made on the 2019 plan by May 5, the bureau asked.",
    "The file was saved as ningbo_2019 in folder 12_3, he said.",
    "Output rose to 5,223 units in 2019_",
    "Deadline: 2019-05-06 for all 12 bids, the bureau said.",
    "Exports: 2019-05-06 figures show a 12% rise.",
    # the twenty-eighth pass's furniture words in sentences
    "Share on WeChat rose 12% in 2019, the survey found.",
    "Showing posts with label Ningbo, the blog drew 300 readers in 2019.",
    "DSC02189 was the best photo of 2019, he said.",
    # the twenty-fourth pass's shapes in sentences
    "Share on Facebook the 3 photos of 2019 we took.",
    "Send your message to the 30 mayors, he said.",
    "Hot words of 2021 included 5 terms, the survey found.",
    "Captcha: a test 40 percent of users failed, the study said.",
    "Source of the growth: 12 new routes, the release time said, added 30 percent.",
    # the twenty-third pass's shapes in sentences
    "2006 - 08 - 11 was the day 50 projects were signed, the city said.",
    "View on mobile phones, 3 million users watched the race.",
    "Recommended by the bureau: 12 routes, 4 hotels and 20 restaurants.",
    "(The zone, a China Daily staff member said, covers 120 square kilometres.)",
    "Mobile version sales rose 20 percent in 2021.",
    # the shapes of the pages gathered after the twenty-second pass's rules, in sentences
    "Top of the class in 2019, she said, were 30 students from Ningbo.",
    "Focus on \"quality first\" was the motto of the 12 firms.",
    "Contact the writer at the office, he said, and 40 letters came.",
    "Date: 2022-03-08 was when the 3 exhibitions opened, the source said.",
    # the twenty-second pass's shapes in sentences (a share link, a wiki edit link, a related box)
    "\u2022 WeiBo users shared the video 2 million times in a day.",
    "[Edit this paragraph] was the button the wiki's 300 editors used most.",
    "Related photos were shown at the museum, 120 of them.",
    # the twenty-first pass's shapes in sentences (a comment form, an edit link, attachments, a citation, a stamp, a
    # newsletter box, a revision line)
    "Join our newsletter team, the paper told its readers, and 40 did.",
    "Enter your email to receive the report on port congestion, the bureau said.",
    "Last updated in July 2019, the plan covers 12 new stations.",
    "Google+ photo albums were popular among the city's expats in 2012.",
    "Your email is never published, the club told members, but the list of 300 names was.",
    "Edit the form before May 1, the bureau said.",
    "View attachment 2 of the plan for the 12 new stations.",
    "1. The port handled 1.2 billion tonnes, up 5% from a year before.",
    "2010-07-02 09:38:51 (Beijing Time) was when the typhoon reached the coast, the observatory said.",
    # the twentieth pass's shapes in sentences (a bar menu, a messenger, a synonym box)
    "Home | Away was the exhibition's name, and it drew 5,000 visitors.",
    "Students can apply on WhatsApp: +86 15066822096 is the number the office gave.",
    "The term generally refers to the port's container terminals.",
    "A synonym for the city is Yong, after its river.",
    # shapes of the pages gathered after the nineteenth pass's rules, in sentences
    "Scan code to share a bike was introduced in Ningbo in 2017, and riders took to it at once.",
    "Home Culture 2019-07-14 was the name of the exhibition, the museum said.",
    # the nineteenth pass's shapes in sentences (a copyright owner, phones, an address, a close, a bar, a print
    # credit, views, cookies and policies)
    "© China Rubber Industry Association members met in Ningbo on Monday to discuss the 100,000-ton project.",
    "Tel: the hotline, +86-10-84787236, took 84915391 calls last year, the bureau said.",
    "The plant at 5/F, Bldg. B, Beijing 100107, China opened in May.",
    "Close to 5,000 runners took part.",
    "Follow us to the port, the guide said, and the group walked on.",
    "Keith Wallis, a special correspondent, said congestion was easing | and ships were leaving.",
    "The China Daily of 05/01/2015 ran the story on page 10.",
    "On 2023-03-06 the page was viewed 418 times.",
    "The bakery sells cookies, and by continuing to grow it plans a second shop in Ningbo.",
    "Our privacy policy and terms of use changed in 2021, the company said.",
    "We use cookies from three local bakeries in the new menu.",
    # the eighteenth pass's shapes in sentences (a photographer, a byline's comma, an app, a handle, replies, a read,
    # a source with a numeric date)
    "Source: the bureau said output rose 5% between 05-02-2008 and 05-02-2009 in the district.",
    "Photographed by China News Agency reporter Wang Gang, the fleet left Shipu Port at noon.",
    "By the end of 2020, the city had 12 new parks, officials said.",
    "Download the app, residents were told, to book a slot at the new clinic.",
    "Readers who get the new app can pay bus fares with it from May.",
    "@ningbo_port posted 17 photos of the new terminal on Monday.",
    "The forum drew 17 responses from residents within a day.",
    "Read also the bureau's notice on the new port rules, he said.",
    "Photos and descriptions of the 300 relics will be online by June.",
    "The Ningbo_Banner file was missing, the designer said.",
    # the seventeenth pass's shapes in sentences (a reading time, bloggers)
    "Reading time: less than 1 minute a day, the survey found, for 40% of the city's pupils.",
    "Three bloggers like this new museum and wrote about it in 2019.",
    "© Minipig5188 took this photo of the port in 2021.",
    "Photo 123 shows the port © the bureau, which released it on Monday.",
    # the sixteenth pass's shapes in sentences (an archive's label, a day and month, a PHP path, a teaser's ellipsis)
    "Archives: the city's museum holds 2,000 items from the treaty port years.",
    "On 30 Apr the museum reopened with 12 new halls.",
    "A travel blog about Ningbo won the award in 2019.",
    "Warning: the typhoon will reach Ningbo on Sunday, the bureau said in a notice on line 3 of its bulletin.",
    "The result [...] was better than expected, he said.",
    "Ningbo • Zhoushan • Shanghai are linked by the new rail line.",
    "The museum was founded in October 8, 2018 with 300 staff.",
    "Text: the agreement / photos: see below (both in the annex of the report).",
    # the fifteenth pass's shapes in article text
    "In Port News last week, the authority said 19 ships were waiting.",
    "Information on the new routes will be released on Monday.",
    "Comments on the draft plan are welcome until May 30.",
    "Forwarding companies in Ningbo handled 3.2 million TEUs in 2020.",
    "Reporting by the city's media rose by 20% in 2019.",
    "Ningbo Port is part of the Zhejiang Provincial Seaport Group.",
    "The port is part of the Yangtze River Delta network of the Shanghai International Port Group.",
    "Get the latest figures from the bureau: exports rose by 7.3% in May.",
    "The day's top exports were textiles and machinery, the customs said.",
    "Subscribers to the newspaper rose by 12% in 2020.",
    "Posts made in the first half of 2021 showed the port's throughput grew by 8.2%.",
    "This site is a 3A scenic spot with a museum and a tea house.",
    "Readers of the Ningbo Daily voted the port the city's top employer.",
    "More details will be released later this month, the bureau said.",
    "Details of the plan: 5 new metro lines by 2025.",
    "- Published reports show exports grew by 5%: a record.",
    "- Created a new fund: 20 billion yuan for start-ups.",
    "Copyright protection of software has become a priority for Ningbo's courts.",
    "The copyright office registered 2,000 works in 2019, up 12% year-on-year.",
    "Published in 2019, the report shows that Ningbo's R&D spending rose by 17.7%.",
    "Category management of waste started in Ningbo in 2019.",
    "Read more books, the mayor told students at the opening ceremony.",
    "Visitors can visit the charity shop on Zhongshan Road every weekend to donate clothes.",
    "The text size of the new signs was enlarged so that elderly residents can read them.",
    "Print media and new media covered the event.",
    "Next year, the city will build 8,000 5G base stations.",
    "Home appliances accounted for 24.5% of exports > 20% a year earlier.",
    "Hits such as the robot show drew crowds.",
    "On August 4, 2018, the 20th IRO International Robot Olympics Competition kicked off in Cixi.",
    "F. Tan, G. Mo and their team won the award.",
    "Hanweb, a software company, opened an office in Ningbo in 2019 with 50 employees.",
    "All rights reserved, the company said, would be protected by the new rules.",
    "From tracking and imitation to original leadership",
    "#1 on the list was Ningbo-Zhoushan Port, which handled 1.12 billion tonnes of cargo.",
    "The source of the river is in Siming Mountain: editors of the guide agree.",
    "Editor's note: the figures below come from the Ningbo Bureau of Statistics and were revised in May.",
    "By the end of 2019, Ningbo had 2,256 high-tech enterprises.",
    "By 2025, the city will have 8,000 high-tech enterprises and 12,000 science SMEs.",
    "Updated figures released on Monday show exports rose by 7.3%.",
    "The release date of the new policy is July 1, and it covers 300 firms in the zone.",
    "Print, mail and parcel services grew by 20% in 2019.",
    "Large and medium-sized enterprises invested 12 billion yuan in R&D.",
    "The thumbnail image of the report shows the port at night.",
    "Related news shows that exports rose by 7.3% in May.",
    "The list is printed on Page 12 of the yearbook, which covers 300 firms.",
    "He said the city would search for new markets in Europe and Asia.",
    "Chinese and English versions of the report were released on Monday.",
    "By 2025, Ningbo Zhoushan Port will handle 40 million TEUs, the source said.",
    "The new logo of the university was unveiled in 2019.",
    "By May 6, 2023, the zone had attracted 120 projects worth 30 billion yuan.",
    "Source: the city's statistics bureau said on 2023-05-06 that output rose 5.2% | up from 4.1%.",
    "Share prices of the listed firms rose by 12% in 2022.",
    "The reporters said they would share the story with readers in Ningbo.",
    "Get in touch with nature at Dongqian Lake this weekend, the tourism bureau suggests.",
    "To continue reading the report, the council said, residents can visit the library.",
    "The port's office moved to Beilun, Ningbo, China 315800.",
    "The last of the 92 projects will be finished in 2025.",
    "2023-05-06 was the day the zone opened, with 120 projects worth 30 billion yuan.",
    "In 2022 December saw record exports of 30 billion yuan.",
    "E-mail and phone services were extended to 300 villages.",
    "Thank you for your patience, the port told shippers after 20 vessels were delayed.",
    "The port apologised for the delays. Thank you for your patience, it said in a statement on 2021-08-13.",
    "Facebook photos of the new bridge drew 20,000 likes in a day.",
    "Jump to the conclusion: exports rose by 7.3% in May.",
    "The website of the bureau lists 20 projects worth 3 billion yuan at http://www.ningbo.gov.cn/ and its app.",
    "Current location of the plant is in Beilun District, where 3,000 people work.",
    "By land and sea, Ningbo's trade grew by 12% in 2019.",
    "Comments from the public were collected until May 6, the bureau said.",
    "Search for talent: the city recruited 2,000 engineers in 2019.",
    "Like 2018, the year saw exports rise by 7.3%.",
    "Posted workers from 30 countries joined the project in 2019.",
    "The top of the page lists 300 firms that joined the zone.",
    "The company said all rights reserved under the contract would stay with Ningbo.",
    "English, French and German versions of the guide were published in 2019.",
    "Special reports on the expo will be published every day until June 12.",
    "Date: the fair opens on 2019-06-08 and reads as a milestone for 16 countries.",
    "Home appliances / electronics / textiles were the top three export groups in 2019.",
    "Exports rose > imports > investment, in that order, the bureau said in 2019.",
    "The expo ran from June 8 - June 12, 2023, and drew 7,000 buyers.",
    "(Photo/Ye Ke )",
    "Photo by CHUTTERSNAP/Unsplash",
    "Click here and there: the app lets users pick 12 routes.",
    "About 2,000 firms: the figure for Cixi in 2023.",
    "Director: We agreed on it.",
    "Producers: the 12 firms in the zone made 3 million cameras in 2019.",
    "Camera makers in Ningbo: 300 firms and 20,000 workers.",
    "It's happening now in Ningbo: 300 firms joined the zone in 2019.",
    "What's on at the expo: 7,000 buyers and 300 exhibitors.",
    "Print the form and close the window when done, the bureau said.",
    "This post has one comment from the mayor: build 20 more schools by 2025.",
    "Subscribe to: the bureau's newsletter lists 300 new firms a month.",
    "Posted workers came from 30 countries.",
    "Powered by solar panels, the terminal cut its emissions by 20% in 2022.",
    "1 2 3 4 5 6 7 8 9 10 11 12 are the numbers of the berths.",
    "Home prices in Ningbo rose by 3% in 2019.",
    "31 Mar 2014 saw 300 ships call at the port, a record by far for March.",
    "Published in 2020, the plan covers 300 firms: a first for the city.",
    "Photos provided by residents show that the flood reached 2 metres in 2019.",
    "Foreign firms contributed to this story of growth, with 20% of exports in 2019.",
    "Likes and comments rose by 20% on the city's account in 2019.",
    "Keywords: the plan names 300 firms. It covers 12 industries.",
    "The bridge, designed by Zaha Hadid, opened in 2019 with 6 lanes.",
    "3 times the national average: Ningbo's R&D spending in 2019.",
    "View of the port from the bridge, where 300 ships call each week.",
    "Submitted plans for 20 new schools were approved in 2019.",
    "The report was translated by AI researchers at the lab in 2019.",
    "#1 of the best ports in the world. Ningbo handled 1.12 billion tonnes of cargo.",
    "By 2025, the port will handle 40 million TEUs.",
    "Byzantine trade reached Ningbo, 300 ships a year by 900.",
    "2019-04-10 was the day the Ningbo Daily editor: the plan names 300 firms.",
    "Fill in the form below: 20 firms in Ningbo joined the plan in 2019.",
    "Back to school: 20,000 pupils in Ningbo return to class.",
    "Member comments on the plan ran to 300 pages.",
    "Register to leave a comment on the 2025 plan by May 1.",
    "Back to the port: 141 ships waited at the anchorage.",
    "1. March 2020 saw exports rise 12% in Ningbo.",
    "For more information on the 30 projects, please contact us here.",
    "1/4 of the exports went to the EU, next came ASEAN with 15%.",
    "2019: 470 new firms, up 12% on 2018.",
    "Scroll down the list: 20 firms in Ningbo joined the plan in 2019.",
    "宁波舟山港2023年货物吞吐量13.24亿吨,同比增长4.9%。2024-01-12",
    "Reference prices of steel rose by 5% in May.",
    "Save energy, the campaign told 300,000 households in 2019.",
    "Subscribe to the plan: 300 firms joined in 2019.",
    "Supply rose 5% > demand rose 3%, the bureau said.",
    "The copyright of the photos stays with the original authors, the museum said in 2019.",
    "Next year: the zone will open 20 new berths.",
    "Watch the video of the opening ceremony on the city's website, which drew 2 million views.",
    "Ningbo/Zhoushan port handled 1.2 billion tonnes in 2021 |",
    "Talks were held in Ningbo, Zhejiang, on June 30, 2021.",
    "More than 300 companies attended the fair.",
    "The guide at the gate of the temple then said...",
    "He said: 2 comments were made.",
    "The reporter said the port handled 33 million TEUs (Reporter Li Ming saw it).",
    "Other attractions include the Drum Tower, built in 832.",
    "Previous: 2019 figures | Next year the zone will open 20 new berths in Beilun.",
    "Only members of this blog may post a comment, the owner said in 2019.",
    "Spread the love of reading: 300 libraries opened in 2019.",
    "September 25 saw 22 ships, and 2020 was a record year.",
    "Advertisement revenue of the port's media arm rose 5% in 2019.",
    "China's flag carrier opened 3 routes from Ningbo in 2019.",
    "Edit the post code to 315000 before you send the form.",
    "Photos: 5 of the 12 photos displayed in the hall date from 1930.",
    "Your basket is currently empty, the shop assistant joked, as 300 buyers waited.",
    "Time: 9:30; venue: Ningbo; 3 guests; 2 hosts; 1 speech.",
    "Be the first to try the new metro line, the operator said on Monday.",
    "See also the 2019 report, which counted 33 million TEUs.",
    "This article is about 3 ports, and reprinted figures from 2019.",
    "Note: Entry is free, and 300 tickets are given to students.",
    "All comments are welcome, the mayor said, as 300 residents attended.",
    "0 comments were made at the 2015 hearing, Shanghai Daily reported on May 25, 2015.",
    "Ningbo 004 was the code of the 2019 project, with 12 partners.",
    "Sunny 72 days a year, Ningbo saw 1,900 hours of sun in 2019.",
    "View the port on the city's official map: 300 berths in 2019.",
    "The content of this field is kept at 20 characters, the 2019 rules say.",
    "Verification code checks rose 5% in 2019.",
    "The views expressed by the mayor were welcomed by 300 firms in 2019.",
    "Write to admin@xindemarine.com for the 2019 figures.",
    "Related personnel of 12 firms attended the 2019 meeting.",
    # Markup as text (the mirror's injection payload): the article's words, never a breadcrumb trail.
    "<img src=x onerror=alert('body')> <script>document.title='pwned'</script> "
    "'; DELETE FROM news.metrics WHERE '1'='1",
    "<b>Exports</b> > <i>imports</i> > <u>investment</u>, the bureau said.",
    # the twenty-fifth pass's box heading: a sentence about popular posts is text
    "One reply to “Why Ningbo?” was read aloud at the meeting.",
    "Popular posts on the forum praised the new metro line.",
    # the twenty-sixth pass's box heading and counters: sentences about posts and views are text
    "Recent posts on the port's blog counted 30 views and 2 comments.",
    "30 views of the harbour drew 12 comments from readers in 2019.",
    # an empty byline's words in the text
    "By 14:29 the ship had berthed, 2 hours late.",
    "by - products rose 12% in 2019.",
    "by",  # a text set one word a line (zrcc.sinopec.com, t272)
    # the twenty-seventh pass's furniture words in sentences and headlines
    "Category 5 typhoon Muifa hit Ningbo in 2022.",
    "Category B licences rose 12% in 2019.",
    "Keep reading: 300 libraries opened in 2019.",
    "The stock report of XSEC:002142 showed a 12% rise in 2024.",
    "3 min read aloud by 300 pupils, the poem opened the 2019 festival.",
    "The CAS news release of November 9, 2016 named 12 institutes.",
    "October 7, 2014 was the day 300 volunteers were honoured.",
    "Recent updates to the port's timetable added 3 routes in 2019.",
    "AI-generated summary reports were banned by 3 newspapers in 2024.",
]


def _seed_body_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in SEED_TEXTS:
        paragraphs += parse_page(path.read_bytes()).body.split("\n\n")
    return paragraphs


def test_every_pattern_compiles_and_is_anchored_with_inline_flags() -> None:
    assert len(BOILERPLATE_PATTERNS) == len(set(BOILERPLATE_PATTERNS))
    for pattern in BOILERPLATE_PATTERNS:
        re.compile(pattern)
        assert pattern.startswith("(?im)^") and pattern.endswith("$"), pattern
        # kept simple for Postgres/pandas: no lookaround, no backreferences
        assert "(?=" not in pattern and "(?!" not in pattern and "(?<" not in pattern, pattern


def test_every_constant_is_in_the_shared_tuple() -> None:
    for pattern, _ in FURNITURE:
        assert pattern in BOILERPLATE_PATTERNS


@pytest.mark.parametrize(("pattern", "lines"), FURNITURE)
def test_pattern_catches_its_furniture_lines(pattern: str, lines: list[str]) -> None:
    for line in lines:
        assert re.search(pattern, line), (pattern, line)
        assert is_boilerplate_line(line)
        assert pattern in find_boilerplate("A real sentence of the article.\n\n" + line + "\n\nMore text here.")


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_article_sentences_are_not_boilerplate(sentence: str) -> None:
    assert not is_boilerplate_line(sentence)
    assert find_boilerplate(sentence) == []


def test_no_pattern_matches_any_seed_article_paragraph() -> None:
    paragraphs = _seed_body_paragraphs()
    assert len(paragraphs) > 40
    for paragraph in paragraphs:
        assert not is_boilerplate_line(paragraph), paragraph


def test_lines_are_whitespace_normalized_before_matching() -> None:
    assert is_boilerplate_line("\u3000\u3000【Print】\u00a0\u00a0【Close】  ")
    assert is_boilerplate_line("f\u00a0t\u00a0g\u00a0m")
    assert not is_boilerplate_line("   ")


def test_patterns_work_on_a_whole_multiline_body_in_python() -> None:
    body = "First paragraph of the story.\n\nCopyright 2020 - Custom text here\n\nLast paragraph."
    hits = [p for p in BOILERPLATE_PATTERNS if re.search(p, body)]
    assert hits == [bp.COPYRIGHT]
    # a match never spans two lines
    match = re.search(bp.BREADCRUMB, "Intro line\n> News > Sci-Tech\nNext line of text")
    assert match is not None and match.group() == "> News > Sci-Tech"
    match = re.search(bp.HASHTAGS, "Intro line\n#ningbo #expat\nNext line")
    assert match is not None and match.group() == "#ningbo #expat"


def test_find_boilerplate_lists_each_matching_pattern_once_in_tuple_order() -> None:
    text = "【Print】 【Close】\nA sentence.\n> News > Sci-Tech\nf t g m\nAnother sentence.\nf t g m"
    found = find_boilerplate(text)
    assert found[:3] == [bp.PRINT_CLOSE, bp.SHARE_LETTERS, bp.BREADCRUMB]
    assert len(found) == len(set(found))
    assert find_boilerplate("A sentence.\nAnother sentence.") == []


def test_patterns_behave_the_same_in_postgres() -> None:
    """The gate may run as `body ~ pattern` in Postgres: same verdicts as Python re, line by line."""
    import pgserver
    import psycopg2

    # Not under pytest's basetemp (see conftest.pg_server_url): a pytest session starting beside
    # this one makes /tmp/pytest-of-<user> private again, locking out the `pgserver` user mid-initdb.
    parent = Path(tempfile.mkdtemp(prefix="newsetl-pg-"))
    server = pgserver.get_server(parent / "pg", cleanup_mode="delete")
    try:
        conn = psycopg2.connect(server.get_uri())
        try:
            with conn.cursor() as cur:
                samples = [line for _, lines in FURNITURE for line in lines] + ARTICLE_SENTENCES
                body = "An article sentence.\n\n" + "\n\n".join(ARTICLE_SENTENCES)
                for pattern in BOILERPLATE_PATTERNS:
                    for sample in samples:
                        cur.execute("SELECT %s ~ %s", (sample, pattern))
                        assert cur.fetchone()[0] == bool(re.search(pattern, sample)), (pattern, sample)
                    cur.execute("SELECT %s ~ %s", (body, pattern))
                    assert cur.fetchone()[0] is False, pattern
                    cur.execute("SELECT %s ~ %s", (body + "\n\nf t g m\n\nVisit Charity Shop", pattern))
                    expected = pattern in (bp.SHARE_LETTERS, bp.CHARITY_SHOP)
                    assert cur.fetchone()[0] is expected, pattern
        finally:
            conn.close()
    finally:
        server.cleanup()
        shutil.rmtree(parent, ignore_errors=True)


def test_the_line_check_gives_what_every_pattern_searched_plainly_gives() -> None:
    """is_boilerplate_line skips patterns by line length and needed characters: on every line of
    the real pages, the furniture samples and the article sentences it agrees with a plain search."""
    lines = [line for lines in dict(FURNITURE).values() for line in lines] + list(ARTICLE_SENTENCES)
    for path in sorted((Path(__file__).parent / "realgold").glob("*/pages/*.json")):
        lines += json.loads(path.read_text(encoding="utf-8"))["raw_text"].splitlines()
    compiled = [re.compile(p) for p in BOILERPLATE_PATTERNS]
    caught = 0
    for line in lines:
        text = " ".join(line.replace("\u200b", " ").replace("\ufeff", " ").split())
        plain = bool(text) and any(p.search(text) for p in compiled)
        assert is_boilerplate_line(line) == plain, line
        caught += plain
    assert len(lines) > 2000 and caught > 300


@pytest.mark.timeout(60)  # a hang guard, not a speed target: before the fix these lines took hours
@pytest.mark.parametrize("word, sep", [("Twitter", " "), ("Print", " "), ("E-mail", "  "), ("Chinese", " | "),
                                       ("English", " "), ("Weibo", " / ")])
def test_a_long_line_of_menu_words_that_fails_at_its_end_is_answered_at_once(word: str, sep: str) -> None:
    """Repeated-group patterns (SOCIAL_BAR, PAGE_TOOLS, the language menus) once had two space runs
    around an optional separator: each of N words doubled the ways to fail (2^N backtracking)."""
    line = (word + sep) * 60 + "and more text."
    assert not is_boilerplate_line(line)
    assert is_boilerplate_line((word + sep) * 60)


# Trails of 40 items that fail at their end (an item too long, a "<" after the last one, bars then a
# word), each beside the trail it spoils. Each took 2^40 steps when an item's edge spaces (or the "-"
# of a "- >") could go to either of two neighbours, or the bars to "( *[|]+)*" in 2^40 groupings.
TRAIL = " > ".join(["ab"] * 40)
LONG_FAILING_TRAILS = [
    (bp.BREADCRUMB, "> " + TRAIL + " > " + "x" * 61, "> " + TRAIL + " > " + "x" * 60),
    (bp.BREADCRUMB_HOME, "Home > " + TRAIL.replace(">", "- >") + " > " + "x" * 121,
     "Home > " + TRAIL.replace(">", "- >") + " > " + "x" * 120),
    (bp.BREADCRUMB_CHAIN, TRAIL + " <", TRAIL),
    (bp.BREADCRUMB_CHAIN, "a > b > c" + "|" * 40 + "x", "a > b > c" + "|" * 40),
]


@pytest.mark.timeout(60)  # a hang guard, not a speed target: before the fix these lines took hours
@pytest.mark.parametrize("pattern, line, trail", LONG_FAILING_TRAILS)
def test_a_long_trail_that_fails_at_its_end_is_answered_at_once(pattern: str, line: str, trail: str) -> None:
    assert re.search(pattern, line) is None and not is_boilerplate_line(line)
    assert re.search(pattern, trail) is not None and is_boilerplate_line(trail)


# LineChecks built from more patterns than two chunks hold: today's, each again inside brackets ("[...]": other
# first and last characters, and openings that are not known when the pattern's own open with a non-ASCII
# character), and 60 numbered items of up to 19 characters ("item 8 a").
MANY_PATTERNS = (list(BOILERPLATE_PATTERNS)
                 + [r"(?im)^\[(" + pattern.removeprefix("(?im)^").removesuffix("$") + r")\]$"
                    for pattern in BOILERPLATE_PATTERNS]
                 + [rf"(?im)^item {i}( [a-z]){{0,{i % 7}}}$" for i in range(60)])
MANY_CHECKS = bp.LineChecks(MANY_PATTERNS, bp._NEEDS)
WORDS = sorted({word for _, lines in FURNITURE for line in lines for word in line.split()} | {"item", "7", "[", "]"})


def _plain(text: str) -> bool:
    return any(re.match(pattern, text) for pattern in MANY_PATTERNS)


def test_line_checks_of_more_patterns_than_two_chunks_hold_give_what_matching_each_gives() -> None:
    """Over 300 checks in as many chunks of at most CHUNK_BITS bits as they need (312 in six of 52 since the
    nineteenth tune_other pass's pattern; each a short int compiled), tried in their order: the same answers as
    matching every pattern, on the furniture, the article sentences and the lines of the dev and tune pages, each also
    in brackets."""
    assert len(MANY_PATTERNS) > 300 and len(MANY_CHECKS.chunks) == -(-len(MANY_PATTERNS) // bp.CHUNK_BITS)
    assert len(MANY_PATTERNS) == sum(len(c.checks) for c in MANY_CHECKS.chunks)
    assert all(len(chunk.checks) <= bp.CHUNK_BITS for chunk in MANY_CHECKS.chunks)
    lines = [line for lines in dict(FURNITURE).values() for line in lines] + list(ARTICLE_SENTENCES)
    lines += [f"item {i}" + " x" * (i % 9) for i in range(70)]
    for part in ("dev", "tune_sites", "tune_other"):
        for path in sorted((ROOT / "tests" / "realgold" / part / "pages").glob("*.json")):
            lines += json.loads(path.read_text(encoding="utf-8"))["raw_text"].splitlines()
    caught = bracketed = 0
    for line in lines:
        normalized = normalize_space(line)
        for text in (normalized, f"[{normalized}]") if normalized else ():
            plain = _plain(text)
            assert MANY_CHECKS.matches(text) == plain, text
            caught += plain
            bracketed += plain and text[0] == "[" and not re.match(r"(?im)^\[ *\]$", text)
    assert len(lines) > 8000 and caught > 2000 and bracketed > 1000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(alphabet="ab1 .:|[]>【】“@", max_size=6), max_size=12))
def test_line_checks_of_more_patterns_than_two_chunks_hold_on_any_words(words: list[str]) -> None:
    text = normalize_space(" ".join(words))
    assert not text or MANY_CHECKS.matches(text) == _plain(text)
