"""External evidence links get one request each; a sign-in wall makes the item broken."""

from __future__ import annotations


def test_external_links_checked_once_and_login_wall_is_broken(cli, tmp_path, serve, serve_app):
    def drive(path):
        if path.startswith("/file/d/private"):
            return 302, {"Location": "/ServiceLogin?continue=x"}, b""
        if path.startswith("/ServiceLogin"):
            return 200, {}, b"<html><title>Sign in</title><input type=password></html>"
        body = "<html><title>plan.pdf</title><body>แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569</body>"
        return 200, {}, body.encode()

    drive_url, rec = serve_app(drive)
    root = tmp_path / "site"
    (root / "ita").mkdir(parents=True)
    (root / "index.html").write_text(
        '<html><body><a href="/ita/">ITA</a></body></html>', encoding="utf-8")
    (root / "ita" / "index.html").write_text(f"""<html><body><table>
<tr><td>O10</td><td><a href="{drive_url}file/d/public1/view">แผนดำเนินงานประจำปี</a></td></tr>
<tr><td>O18</td><td><a href="{drive_url}file/d/private2/view">แผนการใช้จ่ายงบประมาณประจำปี</a></td></tr>
<tr><td>O21</td><td><a href="{drive_url}file/d/public1/view">แผนการจัดซื้อจัดจ้าง</a></td></tr>
</table></body></html>""", encoding="utf-8")
    url = serve(root)
    result = cli("audit", url, "--as-of", "2026-05-15", out_dir=tmp_path / "out")
    assert result.code == 1
    items = {i["code"]: i for i in result.report["items"]}
    assert items["O10"]["verdict"] == "pass"
    assert items["O18"]["verdict"] == "broken"
    assert "login" in items["O18"]["reason_en"]
    # one request per distinct external link, never a crawl of the other host
    assert sorted(p for p in rec.paths if p.startswith("/file")) == [
        "/file/d/private2/view", "/file/d/public1/view"]
    assert set(rec.paths) <= {"/robots.txt", "/file/d/private2/view", "/file/d/public1/view",
                              "/ServiceLogin?continue=x"}
