/*
 * Embeds the talent entitlement checker in another page:
 *
 *   <script src="https://SERVICE/embed.js" data-region="370100" data-lang="zh" async></script>
 *
 * It puts an iframe of the checker where the script tag is (or into the element data-target names, as a CSS
 * selector), served by the service the script comes from, and keeps the iframe as tall as the checker.
 * Attributes, all optional: data-region (six-digit region code: pre-fills the regions and lists that region's
 * policies first), data-lang (zh or en), data-policies (comma-separated policy ids to answer for), data-as-of
 * (YYYY-MM-DD), data-title (the iframe's accessible name), data-height (starting height in pixels),
 * data-target (where to put it).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var options = script.dataset;
  var src = new URL('./', script.src);
  src.searchParams.set('embed', '1');
  if (/^\d{6}$/.test(options.region || '')) {
    src.searchParams.set('region', options.region);
  }
  if (options.lang === 'en' || options.lang === 'zh') {
    src.searchParams.set('lang', options.lang);
  }
  if (options.policies) {
    src.searchParams.set('policies', options.policies);
  }
  if (options.asOf) {
    src.searchParams.set('asOf', options.asOf);
  }

  var frame = document.createElement('iframe');
  frame.src = src.toString();
  frame.title = options.title || (options.lang === 'en' ? 'Talent entitlement checker' : '人才补贴资格自测');
  frame.className = 'talent-checker-frame';
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.display = 'block';
  frame.style.height = (parseInt(options.height, 10) || 1200) + 'px';

  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== src.origin) {
      return;
    }
    var data = event.data;
    if (data && data.type === 'talent-checker:height' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = Math.ceil(data.height) + 'px';
    }
  });

  var target = options.target && document.querySelector(options.target);
  if (target) {
    target.appendChild(frame);
  } else {
    script.parentNode.insertBefore(frame, script.nextSibling);
  }
}());
