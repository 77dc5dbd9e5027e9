// Polls /readyz and shows whether Hale is ready: the first start seeds the demo warehouse.
const status = document.getElementById('status');
const checks = document.getElementById('checks');

function show(kind, text, items) {
  status.className = `status status-${kind}`;
  status.textContent = text;
  checks.replaceChildren(
    ...items.map((check) => {
      const item = document.createElement('li');
      item.textContent = `${check.name}: ${check.ready ? 'ready' : 'not ready'} (${check.detail})`;
      return item;
    }),
  );
}

async function poll() {
  try {
    const response = await fetch('/readyz', { cache: 'no-store' });
    const body = await response.json();
    if (response.ok) {
      show('ready', `Ready — version ${body.version}`, body.checks);
      return;
    }
    show('starting', 'Starting: preparing the demo warehouse…', body.checks);
  } catch {
    show('down', 'The server is unreachable. Is `npm start` running?', []);
  }
  setTimeout(poll, 1000);
}

poll();
