/** The dashboard's sign-in form: e-mail and password, posted to the same path. */
export function loginPage(action: string, message?: string): string {
  const notice = message ? `<p role="alert">${escapeHtml(message)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Queue dashboard — sign in</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}p[role=alert]{color:#b00020}</style>
</head>
<body>
<h1>Queue dashboard</h1>
<p>Platform administrators only.</p>
${notice}
<form method="post" action="${escapeHtml(action)}">
<label>E-mail <input type="email" name="email" autocomplete="username" required></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
