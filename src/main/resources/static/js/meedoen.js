// Behaviour the pages share, kept out of the markup so the Content-Security-Policy needs no inline script.
// A button with the attribute data-print prints the page.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-print]');
    if (button) {
        window.print();
    }
});

// A language or country field holds several names separated by commas; the browser suggests from its list for the whole
// value, so the suggestions are kept as "what is typed so far, " followed by each name.
document.addEventListener('input', function (event) {
    var field = event.target;
    if (!field.matches || !field.matches('input[data-name-list]') || !field.list) {
        return;
    }
    var list = field.list;
    if (!list.dataset.names) {
        list.dataset.names = JSON.stringify(Array.prototype.map.call(list.options, function (o) { return o.value; }));
    }
    var names = JSON.parse(list.dataset.names);
    var cut = field.value.lastIndexOf(',');
    var before = cut < 0 ? '' : field.value.substring(0, cut + 1).replace(/\s*$/, ' ');
    if (list.dataset.before === before) {
        return;
    }
    list.dataset.before = before;
    list.replaceChildren.apply(list, names.map(function (name) {
        var option = document.createElement('option');
        option.value = before + name;
        return option;
    }));
});
