// What Windows makes of a `toastXml` (Electron hands it to XmlDocument.LoadXml, then to ToastNotification): strict
// where Windows is. Malformed XML, an unknown entity, a stray `&` or `<`, or an element or attribute value outside the
// toast schema (learn.microsoft.com, "Toast content schema") is refused, and Electron reports `failed`. What is
// accepted is described as Windows shows it: whether it stays on screen, its buttons, the sound it plays.

const ENTITY = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const NAME = /[A-Za-z_][\w.-]*/y;

/** A tiny XML reader: elements, attributes, text; no DTD, comments or CDATA (a toast has none). */
export function parseXml(xml) {
  let i = 0;
  const fail = (why) => {
    throw new Error(`${why} at offset ${i}`);
  };
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const space = () => {
    while (/\s/.test(xml[i] ?? '')) i++;
  };
  const decoded = (raw) => {
    for (let j = 0; j < raw.length; j++) {
      if (raw[j] === '<') fail('a raw < in text or an attribute');
      if (raw[j] === '&') {
        ENTITY.lastIndex = j;
        if (!ENTITY.exec(raw)) fail(`an unknown or unterminated entity "${raw.slice(j, j + 8)}"`);
      }
    }
    return raw.replace(/&(lt|gt|amp|quot|apos);/g, (_, e) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]);
  };
  const element = () => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const tag = name();
    const attributes = {};
    for (;;) {
      space();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { tag, attributes, children: [], text: '' };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const key = name();
      space();
      if (xml[i] !== '=') fail(`attribute ${key} without a value`);
      i++;
      space();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${key} not quoted`);
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail(`attribute ${key} not closed`);
      if (key in attributes) fail(`attribute ${key} twice`);
      attributes[key] = decoded(xml.slice(i + 1, end));
      i = end + 1;
    }
    const children = [];
    let text = '';
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) fail(`<${tag}> not closed`);
      text += decoded(xml.slice(i, next));
      i = next;
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        space();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return { tag, attributes, children, text };
      }
      children.push(element());
    }
  };
  space();
  const root = element();
  space();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

const ALLOWED = {
  toast: { launch: null, activationType: ['foreground', 'background', 'protocol'], scenario: ['default', 'alarm', 'reminder', 'incomingCall', 'urgent'], duration: ['short', 'long'], displayTimestamp: null, useButtonStyle: ['true', 'false'] },
  visual: { lang: null, baseUri: null, addImageQuery: null },
  binding: { template: ['ToastGeneric'], lang: null, baseUri: null, addImageQuery: null },
  text: { id: null, lang: null, placement: ['attribution'], 'hint-maxLines': null },
  actions: {},
  action: { content: null, arguments: null, activationType: ['foreground', 'background', 'protocol', 'system'], placement: ['contextMenu'], imageUri: null, 'hint-inputId': null, 'hint-buttonStyle': ['Success', 'Critical'] },
  audio: { src: null, loop: ['true', 'false'], silent: ['true', 'false'] },
};
const CHILDREN = { toast: ['visual', 'actions', 'audio'], visual: ['binding'], binding: ['text'], text: [], actions: ['action'], action: [], audio: [] };

function checkSchema(node) {
  const allowed = ALLOWED[node.tag];
  if (!allowed) throw new Error(`<${node.tag}> is not a toast element`);
  for (const [key, value] of Object.entries(node.attributes)) {
    if (!(key in allowed)) throw new Error(`<${node.tag}> has no attribute ${key}`);
    const values = allowed[key];
    if (values && !values.includes(value)) throw new Error(`<${node.tag} ${key}="${value}"> is not one of ${values.join(', ')}`);
  }
  if (node.tag !== 'text' && node.text.trim() !== '') throw new Error(`<${node.tag}> holds text`);
  for (const child of node.children) {
    if (!CHILDREN[node.tag].includes(child.tag)) throw new Error(`<${child.tag}> inside <${node.tag}>`);
    checkSchema(child);
  }
  if (node.tag === 'action' && (node.attributes.content === undefined || node.attributes.arguments === undefined)) {
    throw new Error('<action> needs content and arguments');
  }
}

/**
 * Windows' view of a toast, or throws what LoadXml or the toast schema refused.
 * `stays`: a reminder, alarm or incoming-call toast stays on screen until a person acts, but only with at least one
 * button (else it is shown as a normal toast); `urgent` always. `sound`: the ms-winsoundevent name, 'Notification.Default'
 * for a missing or unusable src (an app without a package identity may not name a file), or null when silent.
 */
export function readToast(xml) {
  const root = parseXml(xml);
  if (root.tag !== 'toast') throw new Error(`the root is <${root.tag}>, not <toast>`);
  checkSchema(root);
  const visual = root.children.filter((c) => c.tag === 'visual');
  if (visual.length !== 1) throw new Error('a toast has exactly one <visual>');
  const texts = visual[0].children.flatMap((b) => b.children).map((t) => t.text);
  const buttons = root.children.filter((c) => c.tag === 'actions').flatMap((a) => a.children).map((a) => ({ ...a.attributes }));
  if (buttons.length > 5) throw new Error('a toast has at most 5 buttons');
  const audio = root.children.find((c) => c.tag === 'audio')?.attributes ?? {};
  const src = audio.src ?? '';
  const sound = audio.silent === 'true' ? null : src.startsWith('ms-winsoundevent:') ? src.slice('ms-winsoundevent:'.length) : 'Notification.Default';
  const scenario = root.attributes.scenario ?? 'default';
  const stays = scenario === 'urgent' || (['reminder', 'alarm', 'incomingCall'].includes(scenario) && buttons.length > 0);
  return { launch: root.attributes.launch, scenario, stays, texts, buttons, sound };
}
