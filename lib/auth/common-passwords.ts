// Passwords that appear at the top of every breach corpus, plus product- and season-shaped ones.
// Only entries of 8+ characters matter (shorter ones fail the length rule first). Compared
// case-insensitively. The list is deliberately small and local: no network lookup is possible here.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '87654321', '11111111', '00000000', '88888888',
  '11223344', '12341234', '12121212', '123123123', '112233445566', '147258369', '159753456', '987654321',
  'password', 'password1', 'password12', 'password123', 'password1234', 'password!', 'passw0rd', 'p@ssw0rd',
  'p@ssword', 'pa$$word', 'passwort', 'motdepasse', 'qwertyuiop', 'qwerty123', 'qwerty12', 'qwertyui',
  '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'zaq12wsx', 'qazwsxedc', 'asdfghjkl', 'asdfasdf', 'zxcvbnm1',
  'iloveyou', 'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'basketball', 'superman',
  'batman123', 'starwars', 'whatever', 'trustno1', 'letmein1', 'letmein!', 'welcome1', 'welcome123',
  'welcome!', 'changeme', 'changeme1', 'changeme123', 'default1', 'abc12345', 'abcd1234', 'abcdefgh',
  'aa123456', 'a1b2c3d4', 'monkey123', 'dragon123', 'master123', 'shadow123', 'michael1', 'jennifer',
  'jordan23', 'liverpool', 'chelsea1', 'arsenal1', 'computer', 'internet', 'samsung1', 'google123',
  'linkedin', 'facebook', 'mustang1', 'corvette', 'ferrari1', 'mercedes', 'yankees1', 'cowboys1',
  'blink182', 'metallica', 'nirvana1', 'pokemon1', 'minecraft', 'fortnite', 'naruto123', 'azerty123',
  'admin123', 'admin1234', 'administrator', 'root1234', 'toor1234', 'test1234', 'testtest', 'testing1',
  'secret123', 'mypassword', 'newpassword', 'nopassword', 'loveyou1', 'lovely123', 'freedom1', 'hello123',
  'helloworld', 'summer2024', 'summer2025', 'summer2026', 'winter2024', 'winter2025', 'winter2026',
  'spring2025', 'spring2026', 'autumn2025', 'autumn2026', 'january1', 'december', 'qwerty2026', 'company1',
  'company123', 'paceline', 'paceline1', 'paceline123', 'rollout1', 'developer', 'developer1', 'engineer',
  'engineering', 'copilot1', 'chatgpt1', 'openai123', 'claude123', 'anthropic', 'correcthorsebatterystaple',
])
