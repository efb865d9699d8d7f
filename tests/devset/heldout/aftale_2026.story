@header Regeringen · KL — Aftale om kommunernes økonomi for 2026
@footer {page}
# Aftale om
# kommunernes økonomi for 2026

Maj 2025

## 1. Velfærd tæt på borgerne

Danmark står over for en markant stigning i antallet af ældre, og samtidig er der færre hænder til at løfte opgaverne. Regeringen og KL er enige om, at kommunerne skal have økonomi til at møde de voksende behov, men også at ressourcerne skal bruges klogere. Aftalen giver et løft af velfærden og en række nye frihedsgrader til den enkelte kommune.

[boks Boks 1. Aftalen i hovedtal]
- Udgangspunktet for servicerammen løftes med 3,5 mia. kr.
- Kommunernes anlægsinvesteringer kan udgøre 22,3 mia. kr. i 2026.
- 3 mia. kr. af bloktilskuddet er betinget af overholdelse af servicerammen.
- Særtilskudspuljen videreføres med 800 mio. kr.
[/boks]

## 2. Den kommunale økonomi

### Servicerammen

Regeringen og KL er enige om at løfte udgangspunktet for servicerammen med 3,5 mia. kr. i 2026. Samtidig reducerer kommunerne udgifterne til administration med 250 mio. kr., som kommunerne beholder til velfærd. KL har taget kravet til efterretning. Servicerammen hæves dermed reelt med 3,2 mia. kr. Den samlede serviceramme for 2026 bliver herefter 337,4 mia. kr. Sidste år var servicerammen 323,6 mia. kr. i 2025-priser.

### Anlægsrammen

Anlægsrammen for 2026 er fastsat til 22,3 mia. kr. Det er 2 mia. kr. mere end i aftalen for 2025 og skal give plads til renovering af skoler og daginstitutioner og til den grønne omstilling. Der er ikke knyttet en betingelse om anlæg til bloktilskuddet.

### Betinget bloktilskud

3 mia. kr. af bloktilskuddet er betinget af, at kommunernes budgetter under ét overholder den aftalte serviceramme. Overskrides rammen, kan der gennemføres en kollektiv og en individuel modregning.

### Gæld og likviditet

Kommunerne skal under ét nedbringe deres langfristede gæld markant. Der udarbejdes en plan herfor, og spørgsmålet om garantistillelse drøftes inden næste års forhandlinger. Kommunernes langfristede gæld udgjorde 64,2 mia. kr. ved udgangen af 2024.

**Tabel 1. Balance for kommunerne i 2026**

[tabel]
| Mio. kr., 2026-pl | Aftale 2026 |
| Serviceudgifter, netto | 337.400 |
| Aktivitetsbestemt medfinansiering | 28.300 |
| Overførsler | 113.100 |
| Bruttoanlæg (ekskl. ældreboliger) | 22.300 |
| Øvrige udgifter | 1.300 |
| **Udgifter i alt** | **502.400** |
| Skatteindtægter | -392.600 |
| Bloktilskud mv. | -108.200 |
| Heraf betinget bloktilskud | -3.000 |
| Øvrige indtægter | -8.100 |
| **Indtægter i alt** | **-508.900** |
[/tabel]

Kommunernes økonomi på mellemlang sigt er belyst i tabel 2, som viser en teknisk fremskrivning frem mod 2030.

**Tabel 2. Teknisk fremskrivning af kommunernes serviceudgifter**

[tabel]
| Mia. kr., 2026-pl | 2026 | 2027 | 2028 | 2029 | 2030 |
| Serviceudgifter | 337,4 | 340,1 | 342,9 | 345,6 | 348,4 |
| Demografisk træk | 1,9 | 2,1 | 2,2 | 2,4 | 2,5 |
[/tabel]

## 3. Tilskud, regulering og skat

### Midtvejsregulering

Skønnet for kommunernes udgifter til overførsler er nedjusteret for 2025. Bloktilskuddet for 2025 nedreguleres derfor med 1,1 mia. kr. Reguleringen sker i forbindelse med midtvejsreguleringen i efteråret.

### Pris- og lønskøn

Pris- og lønskønnet for kommunernes serviceudgifter fra 2025 til 2026 er 3,1 pct. Anlægsudgifterne fremskrives med 2,2 pct. De samlede udgifter inklusive overførsler fremskrives med 2,8 pct. Satsreguleringsprocenten er 2,6 pct.

### Skattefastsættelse

Kommunernes samlede skat skal være uændret i 2026. Der gives mulighed for skattenedsættelser med tilskud inden for en ramme på 200 mio. kr., og kommuner kan hæve skatten inden for en ramme på 200 mio. kr. Tilskuddet aftrappes over fire år:

[tabel]
| År | 2026 | 2027 | 2028 | 2029 |
| Tilskud i pct. af provenutabet | 75 | 50 | 50 | 25 |
[/tabel]

### Bidrag til regionerne

Grundbidraget fra kommunerne til regionernes udvikling var 126 kr. pr. indbygger i 2025. Med et regionalt pris- og lønskøn inkl. medicin på 2,4 pct. bliver det 129 kr. pr. indbygger i 2026.

### Vanskeligt stillede kommuner

Særtilskudspuljen til særligt vanskeligt stillede kommuner videreføres med 800 mio. kr. i 2026, og lånepuljen til anlæg i de samme kommuner udgør 200 mio. kr.

## 4. Frihed og forenkling

Parterne er enige om at give kommunerne frihed fra en række proceskrav på dagtilbuds-, skole- og socialområdet. Der afsættes 75 mio. kr. i 2026 til at understøtte omstillingen.

København, den 27. maj 2025
