export default function Page() {
  return <main>Paceline</main>
}
