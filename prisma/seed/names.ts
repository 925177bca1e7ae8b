// Invented people. First and last names are combined at random, so any resemblance to a real
// person is a coincidence of common names.

export const FIRST_NAMES = [
  'Aaliyah', 'Abebe', 'Adaeze', 'Aditi', 'Ahmed', 'Aiko', 'Aisha', 'Alejandro', 'Aleksander', 'Alice',
  'Amara', 'Amina', 'Ananya', 'Andrei', 'Anja', 'Arjun', 'Astrid', 'Ayodele', 'Beatriz', 'Bilal',
  'Bongani', 'Camila', 'Carlos', 'Chen', 'Chiara', 'Chidi', 'Daniel', 'Dara', 'Dmitri', 'Elif',
  'Emeka', 'Emma', 'Erik', 'Esther', 'Fatima', 'Felipe', 'Femi', 'Freya', 'Gabriel', 'Giulia',
  'Hana', 'Hannah', 'Hassan', 'Hiroshi', 'Ibrahim', 'Ifeoma', 'Ingrid', 'Isabel', 'Ivan', 'Jamal',
  'Javier', 'Jia', 'João', 'Jonas', 'Julia', 'Kaito', 'Kalani', 'Karim', 'Katarzyna', 'Kenji',
  'Khadija', 'Kofi', 'Lars', 'Layla', 'Leila', 'Liam', 'Lina', 'Luca', 'Lucía', 'Mai',
  'Malik', 'María', 'Mateo', 'Mei', 'Mehmet', 'Mia', 'Mohammed', 'Nadia', 'Naledi', 'Nikhil',
  'Nina', 'Noor', 'Olga', 'Oluwaseun', 'Omar', 'Oscar', 'Paulo', 'Pedro', 'Pooja', 'Rafael',
  'Rahul', 'Rania', 'Ravi', 'Rosa', 'Ruth', 'Sakura', 'Salma', 'Samuel', 'Santiago', 'Sara',
  'Sebastian', 'Selin', 'Shira', 'Siddharth', 'Sofia', 'Sven', 'Tariq', 'Thandiwe', 'Tomasz', 'Uchenna',
  'Valentina', 'Vikram', 'Wei', 'Yara', 'Yusuf', 'Zainab', 'Zara', 'Zeynep', 'Ewan', 'Niamh',
] as const

export const LAST_NAMES = [
  'Abadi', 'Achebe', 'Adeyemi', 'Agarwal', 'Alvarez', 'Andersson', 'Bakker', 'Banerjee', 'Becker', 'Bianchi',
  'Boateng', 'Brennan', 'Castillo', 'Chatterjee', 'Chen', 'Chowdhury', 'Costa', 'Cruz', 'Dang', 'Demir',
  'Diallo', 'Dubois', 'Eriksen', 'Farouk', 'Fernandes', 'Fischer', 'Fujimoto', 'García', 'Ghosh', 'Gómez',
  'González', 'Haddad', 'Hansen', 'Hernández', 'Hoang', 'Holm', 'Hussain', 'Ibrahim', 'Ivanova', 'Jensen',
  'Johansson', 'Kamau', 'Kaplan', 'Kato', 'Khan', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Laurent',
  'Lee', 'Lindberg', 'López', 'Mahlangu', 'Malik', 'Martins', 'Mendes', 'Meyer', 'Moreau', 'Mukherjee',
  'Murphy', 'Nakamura', 'Ndlovu', 'Nguyen', 'Nielsen', 'Novak', 'Nwosu', "O'Brien", 'Okafor', 'Okonkwo',
  'Oliveira', 'Osei', 'Öztürk', 'Park', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Quispe', 'Rahman',
  'Ramírez', 'Rao', 'Reyes', 'Rossi', 'Saito', 'Santos', 'Schmidt', 'Sharma', 'Silva', 'Singh',
  'Sokolov', 'Suzuki', 'Tanaka', 'Torres', 'Tran', 'Urquhart', 'Varga', 'Vásquez', 'Virtanen', 'Wagner',
  'Walsh', 'Wang', 'Watanabe', 'Weber', 'Wiśniewski', 'Yamamoto', 'Yılmaz', 'Yusuf', 'Zhang', 'Zhou',
  'Zulu', 'MacLeod', 'Byrne', 'Achterberg', 'Lindqvist', 'Mwangi', 'Asante', 'Hidalgo', 'Kaur', 'Stein',
] as const

/** "Zoë O'Brien-Łukasz" -> "zoe.obrien-lukasz": lower-case ASCII for an e-mail local part. */
export function emailLocalPart(first: string, last: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ı/g, 'i')
      .replace(/ł/gi, 'l')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '')
  return `${clean(first)}.${clean(last)}`
}

export const JOB_TITLES = {
  JUNIOR: 'Software Engineer I',
  MID: 'Software Engineer II',
  SENIOR: 'Senior Software Engineer',
  STAFF: 'Staff Engineer',
  PRINCIPAL: 'Principal Engineer',
} as const
