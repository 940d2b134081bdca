"""`python -m devtools.unseen_checks` reproduces the README's figures for the text pages' two checks
(the URL-slug title, the dated line beside the headline): on the tuning sets as the rules stood before
them, and on the last three tune_other passes' pages as the rules stood before those passes saw them."""
from __future__ import annotations

import pytest

from devtools import unseen_checks


def test_the_checks_on_the_tuning_sets(capsys: pytest.CaptureFixture[str]) -> None:
    assert unseen_checks.main(["dev", "tune_sites", "tune_other", "--to", "t522"]) == 0
    out = capsys.readouterr().out
    # (tune_sites' s059-s077, the seventh metric pass's pages of other sources, added two slug titles and nine dates,
    # all right without either check; s078-s097, the eighth's, seven slug titles, four right before the check,
    # s084 fixed by it, two left wrong, and eight dates, seven right; s098-s117, the ninth's, six slug titles, five
    # right before the check, s110 fixed by it ('• Photo: CHR' was taken), and eight dates, all right; s118-s129, the
    # tenth's, two slug titles, both right before the check, and seven dates, six right: s124's Spanish date line;
    # s130-s136, the eleventh's, one slug title, s133, fixed by it ('Planting status', a subheading, was taken), and
    # four dates, three right before the dated-line check and s133's ('- May 08, 2018 -' under its headline) by it;
    # s137-s148, the twelfth's, two slug titles, one right (s144), s143's wiki heading '= Tianyi Ge Museum =' kept
    # with its marks by both, and six dates, all right; s149-s157, the thirteenth's (ningbolife), four slug titles,
    # all right before the check, and one date, right; s164-s170, the fourteenth's, no slug title and two dates, both
    # right; s158-s163 and s171-s173, the fifteenth's, one slug title, s160's, wrong by both ('(in CNY millions) |', a
    # table's unit line, is taken), and two dates, both right; the dated line gives s160, labelled without a date,
    # 2020-12-31 from its header "FY2020 (ended Dec. 31, 2020)"; session 22: s091's "11月 28, 2024" under its headline
    # is read as a date now, so the dated line fixes it; s174-s184, the sixteenth's, four slug titles (s176, s178,
    # s180, s184) and three dates (s174, s181, s184), s174's found by the dated line; metrics16: a table's column
    # headings with a date in two cells date no page, so neither s160 nor s176, labelled without a date, is given one;
    # s185-s196, the seventeenth's, one slug title (s191's, right by both) and one date (s196's, its stamp glued to a
    # bracket, which the rules these checks run with, 54f350e's, do not read: wrong by both); s197-s207, the
    # eighteenth's, two slug titles and four dates, all right by both, and seven pages labelled without a date, none
    # given one; s208-s216, the nineteenth's, one slug title, right by both, and six dates, five right before the
    # dated-line check and s214's (its filing date line beside the headline) by it, and three pages labelled without a
    # date, none given one; s217-s224, the twentieth's, three slug titles, s221's and s224's right by both, s223's
    # fixed by the check ('Secondary links', a menu line, was taken), and two dates (s220, s221), both right before
    # the dated-line check, and six pages labelled without a date, none given one other than its URL's; s225-s232, the
    # twenty-first's, one slug title (s226's, right by both) and two dates (s230, s231), both right before the
    # dated-line check, and six pages labelled without a date, none given one other than its URL's; s233-s240, the
    # twenty-second's, no slug title counted here and one date (s236's, right before the dated-line check), and seven
    # pages labelled without a date: s233's (markets.ft.com's tearsheet) is given its quote's stamp "Data delayed at
    # least 15 minutes, as of Feb 06 2026." by the dated line, a date of the data, not of the page, labelled without;
    # s260-s269, the twenty-third's (metrics23: stock sites' tables and key figures, port rankings, a PDF report), two
    # slug titles (s265's right by both, s267's fixed by the check: 'Chapter One Important Notes, Content and
    # Interpretation', the PDF's first heading, was taken) and one date (s264's, right by both), and nine pages labelled
    # without a date, one given one by the dated line: s262's ticker stamp "At close: Feb 6, 2026" beside its headline,
    # no publication date;
    # s280-s289, the twenty-fourth's (metrics24), two slug titles, both right by both, and four dates, s280's and
    # s286's right before the dated-line check, s281's ("2011/10/13 10:42:00 36") and s283's ("Posted by freemexy on
    # February 27th, 2019") fixed by it, and six pages labelled without a date, none given one other than its URL's;
    # s290-s298, the twenty-fifth's (metrics25: stock sites' tables, a port table, trade and port news), no slug title
    # counted here and two dates, s296's right by both and s295's wrong by both (bts.gov's table, refused as "und" by
    # the rules at 54f350e), and seven pages labelled without a date, none given one;
    # s310-s319, the twenty-sixth's (metrics26), three slug titles, two right by both and s311's fixed by the check
    # (its standfirst quote was taken), and seven dates, six right by both and s319's (its lead opening "May 18, 2010 |
    # ", read from extractor .235 on, not by 54f350e's rules) wrong by both, and three pages labelled without a date,
    # none given one other than its URL's; s320-s328, the twenty-seventh's (metrics27), one slug title right by both
    # and one date (s328's) right by both, and eight pages labelled without a date, none given one other than its URL's;
    # s329-s338, the twenty-eighth's (metrics28), two slug titles (s333's, s337's) right by both and six dates (s329,
    # s331, s334, s335, s337, s338) right by both, and four pages labelled without a date, none given one other than its
    # URL's; s339-s345, the twenty-ninth's (metrics29), one slug title (s345's) right by both and three dates, s341's
    # and s342's right by both and s345's ("Posted: Jun 06,2014 by Ron Mertens", the page's last line) wrong by both,
    # and four pages labelled without a date, none given one; s346-s351, the thirtieth's (metrics30), one slug title
    # right by both and two dates (s349's, s350's) right by both, and four pages labelled without a date, none
    # given one)
    assert "right before the slug check 265/277, after it 273/277; the check changes 8:" in out
    assert "s311: fixed:" in out
    assert "s084: fixed:" in out and "t434: fixed:" in out and "t488: fixed:" in out and "s110: fixed:" in out
    assert "s133: fixed: 'Planting status'" in out and "s223: fixed: 'Secondary links'" in out
    assert "s267: fixed: 'Chapter One Important Notes, Content and Interpretation'" in out
    assert "right before the dated line beside the headline 297/312, after it 303/312;" in out
    assert "s091: fixed: None -> 2024-11-28" in out and "s214: fixed: None -> 2021-06-03" in out
    assert "pages labelled without a date given another than their URL's: 0/543 before, 2/543 after" in out
    assert "s233: dated, the label has no date: None -> 2026-02-06" in out
    assert "s262: dated, the label has no date: None -> 2026-02-06" in out
    assert "s281: fixed: None -> 2011-10-13" in out and "s283: fixed: None -> 2019-02-27" in out
    assert "broken" not in out


def test_the_checks_on_pages_the_rules_had_not_seen(capsys: pytest.CaptureFixture[str]) -> None:
    assert unseen_checks.main(["--rules-rev", "538c995", "--from", "t412", "--to", "t522", "tune_other"]) == 0
    out = capsys.readouterr().out
    assert "95 labelled pages (tune_other, ids from t412 to t522), as the rules at 538c995 read them" in out
    assert "right before the slug check 29/36, after it 36/36; the check changes 7:" in out
    assert "right before the dated line beside the headline 25/32, after it 31/32; pages labelled without a date " \
           "given another than their URL's: 1/63 before, 1/63 after; the check changes 6:" in out
    assert out.count(": fixed: ") == 13 and "broken" not in out
