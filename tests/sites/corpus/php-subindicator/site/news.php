<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>ข่าวสาร | องค์การบริหารส่วนตำบลโนนสะอาด</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/css/bootstrap.min.css"></head>
<body><header class="top-header"><div class="container"><img src="/assets/img/logo.png"
alt="ตราสัญลักษณ์"> <span class="office-name">องค์การบริหารส่วนตำบลโนนสะอาด</span></div></header>
<nav class="navbar navbar-expand-lg"><ul class="nav navbar-nav menu"><li><a href="/index.php">หน้าหลัก</a></li><li><a href="/about.php">ข้อมูลทั่วไป</a></li><li><a href="/ita.php?sub=9.1">ITA</a></li><li><a href="/news.php">ข่าวสาร</a></li><li><a href="/complain.php">แจ้งเรื่องร้องเรียนการทุจริต</a></li><li><a href="/contact.php">ติดต่อเรา</a></li></ul></nav>
<div class="container"><div class="row">
<main class="col-md-9 content"><h1>ข่าวสาร</h1><ul><li><a href="/news.php?id=88">อบต.โนนสะอาด จัดประชุมประชาคมแผนพัฒนาท้องถิ่น</a> <span class="date">3 เมษายน 2569</span></li></ul></main></div></div>
<footer class="footer"><p>องค์การบริหารส่วนตำบลโนนสะอาด เลขที่ 99 ถนนมิตรภาพ โทร. 0-4300-9867</p>
<p>นโยบายเว็บไซต์ | นโยบายความเป็นส่วนตัว | ผู้เข้าชม 102,455 คน</p></footer></body></html>
