fetch('/assets/data/oit-2569.json').then(function(r){
return r.json();}).then(function(rows){var html='<table class="oit"><tr><th>ข้อ</th><th>ข้อมูล</th>'
+'<th>ลิงก์</th></tr>';rows.forEach(function(r){html+='<tr><td>'+r.code+'</td><td>'+r.title+
'</td><td><a href="'+r.url+'">เปิด</a></td></tr>';});
document.getElementById('oit-table').innerHTML=html;});
