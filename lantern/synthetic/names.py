"""Name pools for the synthetic population, by naming culture.

Every name here is a common given name or family name; combined at random they describe nobody.
A culture may hold separate pools for people born before 2000 (parents) and after (children),
and family names that only women carry (Begum, Kaur), which children do not inherit."""

from dataclasses import dataclass, field


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class Culture:
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]
    female_older: tuple[str, ...] = ()
    male_older: tuple[str, ...] = ()
    female_surnames: tuple[str, ...] = field(default=())
    feminine_surname_forms: bool = False  # Polish -ski / -ska

    def first_names(self, sex: str, born_year: int) -> tuple[str, ...]:
        if sex == "F":
            return self.female_older if born_year < 2000 and self.female_older else self.female
        return self.male_older if born_year < 2000 and self.male_older else self.male


_BRITISH_SURNAMES = _split("""
Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White
Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee
King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell
Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Marshall Anderson Simpson Ellis
Adams Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Hunt Campbell Matthews Owen Palmer Holmes Mills Barnes
Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Fletcher Walsh Gibson
Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson
Bradley Spencer Dawson Ball Burton Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson
Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland
Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Dean Lane Cooke Bates Henderson
Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton
Yates Hodgson Robson Curtis Hopkins Harper Coleman Watkins Moss Chambers Griffin Sharp Hardy Wheeler Potter Osborne
Johnston Gordon Doyle Wallace George Jordan Hutchinson Rowe Burke May Pritchard Gilbert Willis Higgins Read Miles
Stevenson Hammond Arnold Buckley Walters Hewitt Barber Nelson Slater Austin Sullivan Whitehead Mann Frost Lambert
Blake Lynch Goodwin Barton Woodward Cunningham Quinn Barnett Baxter Clayton Nash Greenwood Jennings Holt Kemp Poole
Gallagher Bond Stokes Tucker Davidson Fowler Heath Norman Middleton Lawson Banks French Stanley Jarvis Gibbs
Ferguson Hayward Carroll Farrell Hale Pugh Tranter Bloxham Pritchett Cartwright Hadley Dudley Bagley Onions Perks
""")

CULTURES: dict[str, Culture] = {
    "british": Culture(
        female=_split("""Olivia Amelia Isla Ava Mia Ivy Lily Isabella Sophia Grace Freya Florence Willow Evie Ella Poppy
            Emily Ruby Sienna Charlotte Daisy Millie Phoebe Rosie Evelyn Harper Chloe Jessica Leah Holly Megan Lacey
            Skye Amber Lauren Sophie Hannah Katie Eleanor Matilda Maisie Esme Scarlett Darcie Lola Layla Bella Erin
            Niamh Imogen Elsie Harriet Georgia Abigail Alice Violet Mabel Ellie Summer Tilly Eva Rebecca Jasmine"""),
        male=_split("""Oliver George Noah Arthur Leo Harry Oscar Archie Henry Theodore Freddie Jack Charlie Theo Alfie
            Jacob Thomas Finley Arlo William Lucas Tommy Isaac James Teddy Edward Joshua Max Alexander Reggie Albie
            Ronnie Harrison Mason Logan Riley Jayden Kian Tyler Callum Ethan Dylan Jake Connor Kai Samuel Daniel
            Joseph Lewis Ryan Bailey Louie Jenson Frankie Stanley Elliot Toby Benjamin Luke Rory Ollie Hugo"""),
        female_older=_split("""Sarah Emma Laura Gemma Rebecca Nicola Kelly Stacey Danielle Zoe Louise Michelle Lisa
            Claire Joanne Natalie Charlene Leanne Kirsty Jodie Kayleigh Amy Hayley Samantha Victoria Rachel Jennifer
            Katherine Helen Amanda Donna Tracey Dawn Sharon Karen Julie Jade Chelsea Paige Courtney Shannon Jordan
            Carly Tanya Kerry Lindsey Naomi Becky Sian Charlotte Jessica Lucy Hannah Sophie Amber Stephanie"""),
        male_older=_split("""David Paul Mark Andrew Richard Michael Daniel Christopher Stephen Matthew James Robert Lee
            Craig Wayne Darren Dean Jason Carl Scott Gary Kevin Anthony Martin Neil Simon Adam Ben Thomas Jamie
            Liam Ryan Luke Nathan Shaun Ashley Aaron Ricky Kieran Jordan Sam Joe Tom Danny Jack Dale Kyle Ross
            Steven Barry Glenn Stuart Alan Jonathan Nicholas Peter Gareth Marcus Leon"""),
        surnames=_BRITISH_SURNAMES,
    ),
    "irish": Culture(
        female=_split("Aoife Siobhan Niamh Ciara Saoirse Róisín Orla Bridget Mary Kathleen Sinéad Maeve Caitlin Erin"),
        male=_split("Patrick Sean Liam Conor Cian Declan Ciarán Michael John Padraig Eoin Darragh Martin Francis"),
        surnames=_split("""Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor O'Neill Doherty Kennedy Lynch
            Murray Quinn Moore McLoughlin Carroll Connolly Daly Connors Ward McDonagh Doyle Brennan Maughan Joyce"""),
    ),
    "polish": Culture(
        female=_split("""Zuzanna Julia Maja Zofia Hanna Lena Alicja Oliwia Maria Amelia Wiktoria Natalia Aleksandra
            Nikola Pola Lilianna Emilia Laura"""),
        male=_split("""Jakub Antoni Jan Szymon Filip Franciszek Aleksander Mikołaj Wojciech Kacper Mateusz Bartosz
            Kamil Oskar Igor Adam Michał Nikodem"""),
        female_older=_split("""Agnieszka Katarzyna Magdalena Joanna Monika Ewa Anna Marta Karolina Dorota Justyna
            Paulina Izabela Aleksandra Beata Sylwia Edyta Małgorzata"""),
        male_older=_split("""Piotr Tomasz Krzysztof Paweł Marcin Łukasz Michał Grzegorz Dariusz Mateusz Adam Bartosz
            Kamil Damian Rafał Sebastian Robert Przemysław"""),
        surnames=_split("""Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak
            Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski
            Michalski Adamczyk Dudek Zając Wieczorek Jabłoński Król Majewski Olszewski Jaworski Malinowski Pawlak
            Walczak Stępień Górski Sikora Ostrowski Baran Duda Szewczyk Tomaszewski Pietrzak Marciniak Zalewski"""),
        feminine_surname_forms=True,
    ),
    "romanian": Culture(
        female=_split("""Maria Elena Ioana Andreea Alexandra Ana Bianca Denisa Roxana Alina Larisa Sofia Ilinca
            Daria Antonia Ariana"""),
        male=_split("""Andrei Alexandru Ionuț Mihai Ștefan Gabriel Darius Luca Matei David Rareș Eric Sebastian
            Tudor Cristian Denis"""),
        female_older=_split("Mihaela Gabriela Cristina Daniela Raluca Florentina Georgiana Ramona Loredana Elena"),
        male_older=_split("Marius Adrian Bogdan Constantin Daniel Nicolae Vasile Gheorghe Florin Ionel Cosmin Sorin"),
        surnames=_split("""Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu
            Constantin Mihai Marin Lupu Tudor Florea Ene Dinu Sandu Moldovan Barbu Nistor Cristea Toma Dobre Oprea"""),
    ),
    "central": Culture(
        female=_split("Ieva Austėja Gabija Lucie Tereza Eliška Zsófia Réka Kristina Jana Veronika Martina Emilija"),
        male=_split("Lukas Matas Jonas Dominik Tomáš Jakub Martin Bence Máté Peter Marek Mantas Rokas Nojus"),
        surnames=_split("""Kazlauskas Petrauskas Jankauskas Stankevičius Vasiliauskas Horváth Kovács Szabó Tóth
            Novák Dvořák Svoboda Kováč Varga Nagy Balogh Kučera Horák"""),
    ),
    "roma": Culture(
        female=_split("Denisa Bianca Alexandra Nikola Kristina Veronika Maria Roxana Lenka Margareta Esmeralda"),
        male=_split("Dominik Marian Ionuț Gabriel Roman Tibor Jozef Daniel Florin Marek Viorel Patrik"),
        surnames=_split("Lakatos Oláh Rostás Balog Stoica Horváth Kaleja Dudi Gaži Ciurar Lăutaru Mirga Radics"),
    ),
    "pakistani": Culture(
        female=_split("""Aisha Ayesha Fatima Maryam Zainab Hafsa Khadija Amina Sana Iqra Hira Mahnoor Aleena Zara
            Inaya Eshal Anaya Hania Alisha Mehreen Laiba Noor"""),
        male=_split("""Muhammad Mohammed Ali Hassan Hamza Ibrahim Yusuf Zayn Ayaan Musa Adam Rayyan Haris Zakariya
            Abdullah Umar Daniyal Ahmad Saad Rehan"""),
        female_older=_split("""Samina Nasreen Shazia Rubina Saima Nabila Farzana Shabana Parveen Rukhsana Tahira
            Bushra Sadia Uzma Asma Kiran Naila Amina Fatima Ayesha"""),
        male_older=_split("""Imran Tariq Asif Zahid Shahid Naveed Kamran Waqas Faisal Abdul Arif Sajid Nadeem Irfan
            Usman Bilal Haroon Amir Mohammed Khalid"""),
        surnames=_split("""Khan Hussain Ahmed Ali Akhtar Iqbal Mahmood Shah Rashid Mirza Malik Aslam Butt Raja Javed
            Sadiq Qureshi Sheikh Chaudhry Riaz Anwar Hanif Yousaf Nawaz Saleem Zaman Majid Rehman Aziz Bashir"""),
        female_surnames=_split("Begum Bibi Kausar Akhtar"),
    ),
    "bangladeshi": Culture(
        female=_split("""Sumaiya Tasnim Nusrat Jannat Maisha Anika Raisa Safa Ayesha Inaya Humaira Ruqayyah Tahmina
            Nafisa Mariam"""),
        male=_split("""Mohammed Rayhan Tanvir Nayeem Ayaan Zubair Ibrahim Yusuf Sami Hamza Ishaq Musa Adnan
            Rahim Arif"""),
        female_older=_split("Farhana Ruksana Shamima Rumana Shirin Nazia Sadia Halima Rahima Sabina Shahana Jahanara"),
        male_older=_split("Abdul Rahim Karim Shamim Jamal Kamal Rafiq Shahin Sayed Ashraf Mizanur Habib Rashed"),
        surnames=_split("Rahman Uddin Miah Islam Ahmed Hussain Ali Khan Chowdhury Hoque Sarkar Alam Hossain Karim"),
        female_surnames=_split("Begum Khatun Akter Bibi"),
    ),
    "indian_sikh": Culture(
        female=_split("""Harpreet Gurpreet Jaspreet Simran Manpreet Amrit Navdeep Kiran Jasmeen Gurleen Amanpreet
            Sukhpreet Harleen Jasleen Gurnoor Ishmeet"""),
        male=_split("""Arjun Karanveer Gurveer Jasraj Sahib Tejveer Harjot Gurnek Manveer Arman Jaskaran Harnoor
            Fateh Ekam"""),
        female_older=_split("Parminder Kulwinder Balvinder Rajvinder Sukhwinder Jaswinder Manjit Harjinder Kamaljit"),
        male_older=_split("Harjit Gurdeep Jaspal Amarjit Sukhwinder Manjit Baljit Harvinder Ravinder Daljit Kuldeep"),
        surnames=_split("""Singh Sandhu Gill Johal Dhillon Sidhu Bains Sahota Bhogal Atwal Grewal Virdee Kang Chahal
            Hayer Basra Sangha Dhaliwal"""),
        female_surnames=_split("Kaur"),
    ),
    "indian_hindu": Culture(
        female=_split("Priya Anjali Pooja Riya Aarohi Diya Kavya Isha Shreya Anika Myra Saanvi Tara Anaya Siya"),
        male=_split("Aarav Vihaan Krish Dev Rohan Arjun Ishaan Kabir Reyansh Aryan Veer Shaan Advik Rishi Yash"),
        female_older=_split("Neha Asha Sita Meera Divya Nisha Sunita Rekha Hema Jyoti Bhavna Kajal Mina Nita"),
        male_older=_split("Rahul Ravi Sanjay Vijay Amit Anil Deepak Suresh Nikhil Vikram Rajesh Hitesh Kunal Manoj"),
        surnames=_split("""Patel Shah Mistry Sharma Kumar Parmar Chauhan Solanki Joshi Mehta Desai Gupta Chopra Verma
            Rana Lad Bhatt Pandya Thakkar Makwana"""),
    ),
    "caribbean": Culture(
        female=_split("""Aaliyah Jada Nia Tiana Shanice Maya Jasmine Serena Amara Zuri Imani Kiara Naomi Nevaeh
            Faith Ruby Grace Destiny"""),
        male=_split("""Malachi Elijah Isaiah Josiah Reuben Nathaniel Kai Tyrese Micah Jayden Jaden Levi Ezra Zion
            Jeremiah Marley Kairo"""),
        female_older=_split("""Keisha Shantelle Tanisha Monique Simone Marcia Beverley Janet Paulette Sharon Natasha
            Kerry-Ann Tamika Yolanda Sonia"""),
        male_older=_split("""Jermaine Tyrone Marcus Kyle Jerome Dwayne Leon Carl Delroy Winston Clive Devon Andre
            Desmond Lloyd Errol"""),
        surnames=_split("""Campbell Williams Brown Thomas Francis Grant Clarke Morrison Reid Robinson Johnson Henry
            Lewis Edwards Stewart Gordon Bailey Samuels Barrett McKenzie Douglas Blake Powell Spence Gayle Forbes"""),
    ),
    "west_african": Culture(
        female=_split("""Adaeze Chiamaka Abena Ama Akosua Efua Temitope Blessing Precious Favour Esther Ifeoma Adwoa
            Chioma Tobi Ayomide Oluwadamilola Zara"""),
        male=_split("""Chinedu Emeka Oluwaseun Kwame Kofi Kwabena Yaw Femi Obinna Ikenna David Daniel Samuel
            Emmanuel Joshua Divine Ayodele Oluwatobi"""),
        female_older=_split("Ngozi Funmilayo Folake Yetunde Abimbola Comfort Patience Gifty Adjoa Bukola Chinwe"),
        male_older=_split("Tunde Segun Babatunde Kwaku Kojo Chukwuemeka Olumide Ebenezer Godfrey Kayode Ifeanyi"),
        surnames=_split("""Okafor Okonkwo Adeyemi Adebayo Oladipo Mensah Boateng Osei Owusu Asante Nwosu Eze
            Ogunleye Balogun Ibrahim Danso Appiah Adjei Okoro Nwachukwu Ogundele Agyeman"""),
    ),
    "east_african": Culture(
        female=_split("Hodan Fadumo Amina Ayan Hibo Sagal Ifrah Nasra Muna Deeqa Selam Senait Yohana Rahel Feven"),
        male=_split("Abdi Abdullahi Mohamed Ahmed Yusuf Omar Hassan Mahad Liban Khalid Dawit Yonas Filmon Robel"),
        surnames=_split("""Abdi Mohamed Ahmed Hassan Ali Yusuf Omar Farah Warsame Jama Nur Osman Ismail Aden Tesfaye
            Haile Berhane Tekle Mehari Woldu Gebremedhin"""),
    ),
    "chinese": Culture(
        female=_split("Mei Xin Yan Jing Ying Hui Lan Wen Yu Chloe Grace Amy Jessica Ruby Zixuan Yuxi"),
        male=_split("Wei Jun Hao Lei Ming Jian Tao Yong Bo Kai Jason Kevin Eric Zihan Haoran Yichen"),
        surnames=_split("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Lin Wong Chan Cheung Lam Ng"),
    ),
    "middle_eastern": Culture(
        female=_split("Leila Yasmin Noor Rania Dalia Samira Shirin Parisa Zahra Maryam Lana Hana Shilan Narges Sara"),
        male=_split("Omar Karim Ahmad Mustafa Hussein Rebwar Dilan Aram Hamid Reza Farhad Sina Nawid Zaki Saman"),
        surnames=_split("""Ahmadi Karimi Hosseini Rahimi Mohammadi Rezaei Azizi Hamid Rasul Abdullah Mahmoud Saleh
            Haddad Nasser Aziz Kareem Amin Qasim Jafari Sultani"""),
    ),
    "tamil": Culture(
        female=_split("Thushara Nirosha Kavitha Sharmila Abirami Anusha Tharani Luxsana Keerthana Sindhu"),
        male=_split("Suresh Kajan Thusyanthan Pirashanth Niroshan Mathusan Kajanan Sajeevan Arun Vithusan"),
        surnames=_split("""Sivakumar Rajendran Thevarajah Kanagaratnam Selvarajah Jeyakumar Balasubramaniam
            Nadarajah Sivapalan Ratnam"""),
    ),
}

MIDDLE_NAMES_FEMALE = _split("Rose Mae Grace Louise Jane Marie Ann Elizabeth Lily Hope May Jade Faith Leigh")
MIDDLE_NAMES_MALE = _split("James John Lee Thomas David Michael Paul Alexander Jay William George Robert Dean Ray")


def feminine_form(surname: str) -> str:
    """Polish family names change form for women: Kowalski becomes Kowalska."""
    for masculine, feminine in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + feminine
    return surname
