// A hostile article the DEMO provider serves under a fixed id, so the app's article viewer can be tested against
// what a feed could carry: a <script>, an onerror attribute, a javascript: link and a remote <img>. Every hostile
// part sets window.__ibdeskPwned; a viewer passes when that stays undefined and nothing is fetched from
// tracker.example.com. It never appears in headlines: only a request for this id gets it.

export const SANITIZER_ARTICLE_ID = 'DEMO$0badc0de';

export const SANITIZER_ARTICLE_HTML =
  '<html><body>' +
  '<p><b>Sanitizer test article</b>: every element below is hostile on purpose.</p>' +
  '<script>window.__ibdeskPwned = "script";</script>' +
  '<p><img src="x" onerror="window.__ibdeskPwned = \'onerror\'"></p>' +
  '<p><a href="javascript:window.__ibdeskPwned=\'link\'">a javascript: link</a></p>' +
  '<p><img src="https://tracker.example.com/pixel.png?id=ibdesk" alt="a remote image"></p>' +
  '<p><a href="https://www.interactivebrokers.com/">a harmless https link</a></p>' +
  '</body></html>';

/** What the hostile parts are, for tests that check each is neutralised. */
export const SANITIZER_ARTICLE_HAZARDS = {
  script: '<script>',
  onerror: 'onerror=',
  javascriptLink: 'href="javascript:',
  remoteImage: 'src="https://tracker.example.com/',
} as const;
