// Behaviour the pages share, kept out of the markup so the Content-Security-Policy needs no inline script.
// A button with the attribute data-print prints the page.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-print]');
    if (button) {
        window.print();
    }
});
