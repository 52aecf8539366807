(function(){var items=[["/","หน้าแรก"],["/ita/","ITA 2569"],
["/complaint/","ร้องเรียนการทุจริต"],["/contact/","ติดต่อเรา"]];
var ul=document.createElement('ul');ul.className='menu';
items.forEach(function(it){var li=document.createElement('li');var a=document.createElement('a');
a.href=it[0];a.textContent=it[1];li.appendChild(a);ul.appendChild(li);});
document.getElementById('main-menu').appendChild(ul);})();
