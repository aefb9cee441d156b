/// The built-in comparison: the source article, every sentence of it, in the content model's shapes.
///
/// Transcribed from `comparison-article.txt` (a copy lives in the `ReportModelTests` fixtures, and a
/// test checks that every sentence of it is here). Wording, spelling and the typographic apostrophe
/// are the article's; only its plain-text artefacts are gone: list items that ran into each other
/// ("… possibilities. - Skills:") are split into real items, headings lose their trailing colon,
/// the summary table loses its markdown pipes, and the role names that opened the paired
/// responsibility lines (five of them garbled in the source) are dropped, because a paired item
/// names its role by identity.

// MARK: - The built-in comparison

extension Comparison {
  /// The Business Product Manager vs Technical Product Manager comparison, used when no
  /// `--content` file is given: the article's introduction and sections, plus the editorial chart data.
  public static let builtIn = Comparison(
    roles: [
      Role(id: .bpm, name: "Business Product Manager", shortName: "Business PM"),
      Role(id: .tpm, name: "Technical Product Manager", shortName: "Technical PM"),
    ],
    introduction: [
      .paragraph(
        "In this article we discuss the roles and distinctions between a Business Product Manager and a Technical Product Manager, crucial in product management fields. These managers play distinct yet complementary roles in the success of products, with one focusing on market-oriented strategies and the other on the technical pathways that fulfill these strategies. The insights provided aim to clarify their differences, skills, and interactions in professional settings, emphasizing their unique contributions to product success."
      )
    ],
    sections: [
      BuiltinArticle.mainDifference,
      BuiltinArticle.whoIsWho,
      BuiltinArticle.keyDifferences,
      BuiltinArticle.keySimilarities,
      BuiltinArticle.businessAdvantages,
      BuiltinArticle.businessDisadvantages,
      BuiltinArticle.technicalAdvantages,
      BuiltinArticle.technicalDisadvantages,
      BuiltinArticle.businessExcels,
      BuiltinArticle.technicalExcels,
      BuiltinArticle.rolesAndResponsibilities,
      BuiltinArticle.trainingAndEducation,
      BuiltinArticle.dailyTasks,
      BuiltinArticle.strategicInfluence,
      BuiltinArticle.faq,
      BuiltinArticle.summary,
    ],
    charts: BuiltinArticle.charts)
}

// MARK: - Sections

/// The article's sections, one constant each, in reading order (a parent before its subsections).
private enum BuiltinArticle {
  /// The one-paragraph answer to the title question.
  static let mainDifference = Section(
    id: "main-difference",
    title:
      "What is the Main Difference Between a Business Product Manager and a Technical Product Manager?",
    blocks: [
      .paragraph(
        "The main difference between a Business Product Manager and a Technical Product Manager is that the former focuses primarily on developing product strategies that align with market needs and business goals, while the latter is more involved with the technical aspects and development challenges of the product. Business Product Managers aim to maximize product profitability and market share by understanding customer demands and competitive positioning. Conversely, Technical Product Managers work closely with engineering teams to oversee the technical roadmap, solve technical problems, and ensure the product meets certain technical standards and functionality."
      )
    ])

  /// One portrait of each role.
  static let whoIsWho = Section(
    id: "who-is-who",
    title: "Who is a Business Product Manager and Who is a Technical Product Manager?",
    blocks: [
      .paragraph(
        "A Business Product Manager operates at the intersection of business and product development, aiming to drive the success of a product from a commercial perspective. They manage product portfolios, identify new market opportunities, and define the vision and strategy for the product based on market research and customer feedback. Their main goal is to ensure that the product serves a real customer need and meets business objectives in terms of revenue and growth."
      ),
      .paragraph(
        "On the other hand, a Technical Product Manager focuses on the technological aspects that enable the functionality and deployment of a product. They work closely with the engineering and development teams to detail technical specifications, manage product backlogs, oversee development stages, and troubleshoot technical issues. Their primary objective is to ensure that the product’s technical development aligns with the overall product strategy and meets high standards of quality and technical reliability."
      ),
    ])

  /// Eight aspects, one statement for each role.
  static let keyDifferences = Section(
    id: "key-differences", paired: true,
    title: "Key Differences Between Business Product Manager and Technical Product Manager",
    blocks: [
      .articlePairedList([
        RoleRow(
          label: "Focus",
          business: "Business Product Managers prioritize market and business needs.",
          technical:
            "Technical Product Managers concentrate more on technical requirements and possibilities."
        ),
        RoleRow(
          label: "Skills",
          business:
            "Business Product Managers excel in market analysis, customer insight, and strategic planning.",
          technical:
            "Technical Product Managers have strong knowledge in software development, data analysis, and technical design."
        ),
        RoleRow(
          label: "Interactions",
          business:
            "Business Product Managers frequently interact with marketing, sales, and customer support teams.",
          technical:
            "Technical Product Managers often collaborate with developers, engineers, and IT staff."
        ),
        RoleRow(
          label: "Goals",
          business:
            "The primary goal for Business Product Managers is to increase product market share and profitability.",
          technical:
            "Technical Product Managers aim to ensure product feasibility, usability, and technical excellence."
        ),
        RoleRow(
          label: "Challenges",
          business:
            "Business Product Managers might face challenges like identifying market trends and meeting customer expectations.",
          technical:
            "Technical Product Managers deal with issues such as aligning technology with user needs and overcoming technical hurdles."
        ),
        RoleRow(
          label: "Outcome Responsibility",
          business:
            "Business Product Managers are accountable for meeting business-related product KPIs.",
          technical:
            "Technical Product Managers are responsible for meeting the technical milestones and deliverables."
        ),
        RoleRow(
          label: "Tools Utilized",
          business:
            "Business Product Managers often use tools for project management, CRM, and data analytics.",
          technical:
            "Technical Product Managers use tools related to software development, like JIRA, GitHub, and technical roadmapping."
        ),
        RoleRow(
          label: "Training and Background",
          business:
            "Business Product Managers generally have backgrounds in business, marketing, or economics.",
          technical:
            "Technical Product Managers usually come from a high-tech or scientific field, often holding degrees in areas like computer science or engineering."
        ),
      ])
    ])

  /// What both roles share; the Venn chart takes its shared traits from these labels.
  static let keySimilarities = Section(
    id: "key-similarities",
    title: "Key Similarities Between Business Product Manager and Technical Product Manager",
    blocks: [
      .labelledList([
        LabelledItem(
          label: "Core Objective",
          text:
            "Both roles aim to ensure the success and relevance of their products in the market."),
        LabelledItem(
          label: "Strategic Thinking",
          text:
            "Both need to think strategically about the product’s future and its alignment with the company’s vision."
        ),
        LabelledItem(
          label: "User-Centric Approach",
          text:
            "Both roles focus on delivering a product that satisfies user needs and enhances customer satisfaction."
        ),
        LabelledItem(
          label: "Collaboration",
          text:
            "Both types of managers must collaborate with various stakeholders, including management, development teams, and clients."
        ),
        LabelledItem(
          label: "Product Lifecycle Involvement",
          text:
            "Both are involved in various stages of the product lifecycle, from ideation through development to launch and iteration."
        ),
        LabelledItem(
          label: "Adaptability",
          text:
            "Both roles require adaptability to changes in market trends and technology advancements."
        ),
      ])
    ])

  /// Where the business role is stronger.
  static let businessAdvantages = Section(
    id: "business-advantages", role: .bpm, kind: .strengths,
    title: "Advantages of a Business Product Manager Over a Technical Product Manager",
    blocks: [
      .labelledList([
        LabelledItem(
          label: "Market Insight",
          text:
            "Business Product Managers possess a deep understanding of market trends and customer preferences, enabling them to tailor products that meet and exceed market demands."
        ),
        LabelledItem(
          label: "Strategic Influence",
          text:
            "These managers have a significant impact on the product’s strategic direction, aligning product development with business objectives to drive growth and revenue."
        ),
        LabelledItem(
          label: "Customer Advocacy",
          text:
            "Business Product Managers excel in representing the voice of the customer within the company, ensuring product features and enhancements address actual customer needs and pain points."
        ),
        LabelledItem(
          label: "Cross-functional Leadership",
          text:
            "They often lead cross-functional teams that include marketing, sales, and operations, fostering collaboration and ensuring that different aspects of the business are aligned with the product strategy."
        ),
        LabelledItem(
          label: "Financial Acumen",
          text:
            "With their strong grasp of business economics, Business Product Managers are adept at forecasting and managing budgets, making sure the product development processes are financially sustainable."
        ),
        LabelledItem(
          label: "Adaptability to Market Changes",
          text:
            "They are quick to respond to changes in the market, enabling the company to capitalize on new opportunities and avoid potential downturns."
        ),
        LabelledItem(
          label: "Visionary Perspective",
          text:
            "Business Product Managers are forward-thinkers, focusing on long-term success and scaling the product effectively within different markets."
        ),
      ])
    ])

  /// Where the business role is weaker.
  static let businessDisadvantages = Section(
    id: "business-disadvantages", role: .bpm, kind: .risks,
    title: "Disadvantages of a Business Product Manager Compared to a Technical Product Manager",
    blocks: [
      .labelledList([
        LabelledItem(
          label: "Technical Limitations",
          text:
            "Business Product Managers may lack the deep technical expertise needed to fully understand the intricacies of product development, which can hinder effective communication with engineering teams."
        ),
        LabelledItem(
          label: "Dependency on Technical Teams",
          text:
            "They often rely on technical team members to solve product-related issues, which can create delays if there are misunderstandings or misalignments in technical requirements."
        ),
        LabelledItem(
          label: "Challenge in Detail-Oriented Specifications",
          text:
            "Without a strong technical background, it can be challenging for Business Product Managers to specify detailed technical requirements, occasionally leading to misaligned project outcomes."
        ),
        LabelledItem(
          label: "Limited Influence in Technological Choices",
          text:
            "Their recommendations on technology use might not carry as much weight, potentially leading to less optimal technical decisions."
        ),
        LabelledItem(
          label: "Risk of Overlooking Technical Constraints",
          text:
            "There is a risk of pushing for features that are not technically feasible or cost-effective due to a lack of understanding of technical constraints."
        ),
        LabelledItem(
          label: "Potential for Misalignment with Technical Quality",
          text:
            "Focusing primarily on business outcomes might lead to overlooking important aspects of technical quality, affecting the overall product integrity."
        ),
      ])
    ])

  /// Where the technical role is stronger.
  static let technicalAdvantages = Section(
    id: "technical-advantages", role: .tpm, kind: .strengths,
    title: "Advantages of a Technical Product Manager Over a Business Product Manager",
    blocks: [
      .labelledList([
        LabelledItem(
          label: "Technical Expertise",
          text:
            "Technical Product Managers have a strong technical background, enabling them to make informed decisions about product architecture, tools, and innovations."
        ),
        LabelledItem(
          label: "Detailed Technical Planning",
          text:
            "They are capable of planning and detailing the technical aspects of product development, ensuring alignment with technical standards and practices."
        ),
        LabelledItem(
          label: "Direct Communication with Engineers",
          text:
            "With their technical knowledge, Technical Product Managers communicate effectively with engineers, which can accelerate problem-solving and innovation."
        ),
        LabelledItem(
          label: "Quality Assurance",
          text:
            "They play a critical role in maintaining high standards of quality and reliability in the product’s technical performance, reducing potential failures."
        ),
        LabelledItem(
          label: "Efficiency in Technical Problem-Solving",
          text:
            "Thanks to their technical acumen, they can quickly identify, analyze, and address technical issues, often before they escalate."
        ),
        LabelledItem(
          label: "Alignment with Current Technologies",
          text:
            "Technical Product Managers are typically up-to-date with the latest technological advancements, allowing the product to stay relevant and competitive."
        ),
      ])
    ])

  /// Where the technical role is weaker.
  static let technicalDisadvantages = Section(
    id: "technical-disadvantages", role: .tpm, kind: .risks,
    title: "Disadvantages of a Technical Product Manager Compared to a Business Product Manager",
    blocks: [
      .labelledList([
        LabelledItem(
          label: "Market Insight Gaps",
          text:
            "Technical Product Managers may not always have the in-depth market knowledge that would enable them to fully understand customer needs and market dynamics."
        ),
        LabelledItem(
          label: "Strategic Planning Challenges",
          text:
            "While they excel in technical aspects, they might struggle with broader strategic planning that aligns technical projects with business goals."
        ),
        LabelledItem(
          label: "Limited Customer Interaction",
          text:
            "They tend to have less interaction with customers, which can lead to a disconnect between product functionalities developed and actual market needs."
        ),
        LabelledItem(
          label: "Potential to Over-Engineer",
          text:
            "With a focus on technology, there is a risk of over-engineering products, making them too complex for users without adding significant value."
        ),
        LabelledItem(
          label: "Dependency on Business Units for Commercial Strategy",
          text:
            "Technical Product Managers might rely heavily on business units to define the commercial viability of the product, which can create silos."
        ),
        LabelledItem(
          label: "Challenges in Cross-functional Leadership",
          text:
            "They may sometimes find it challenging to lead cross-functional teams that include non-technical stakeholders, leading to potential misalignments in goals and expectations."
        ),
      ])
    ])

  /// Situations that favor the business role.
  static let businessExcels = Section(
    id: "business-excels", role: .bpm, kind: .strengths,
    title: "When a Business Product Manager Excels Over a Technical Product Manager",
    blocks: [
      .labelledList([
        LabelledItem(
          label: "Navigating Market Fluctuations",
          text:
            "Business Product Managers are highly skilled in adapting product strategies quickly in response to market changes, ensuring the product remains competitive and relevant."
        ),
        LabelledItem(
          label: "Shaping Product Vision",
          text:
            "They effectively set and communicate the product’s vision and goals in line with business objectives, rallying the whole team around a clear and compelling direction."
        ),
        LabelledItem(
          label: "Boosting Sales and Marketing",
          text:
            "With their understanding of market dynamics and customer psychology, Business Product Managers are pivotal in crafting marketing strategies and sales tactics that heighten product uptake."
        ),
        LabelledItem(
          label: "Financial Planning and Reporting",
          text:
            "These managers excel in forecasting financial performance and interpreting data to make informed financial decisions about product development and positioning."
        ),
        LabelledItem(
          label: "Stakeholder Management",
          text:
            "Their ability to communicate across various departments ensures all sections of the company are aligned with the product’s market goals and objectives."
        ),
        LabelledItem(
          label: "User-Centric Development",
          text:
            "By focusing on user needs and experiences, Business Product Managers guide the development of functionalities that enhance customer satisfaction and loyalty."
        ),
      ])
    ])

  /// Situations that favor the technical role.
  static let technicalExcels = Section(
    id: "technical-excels", role: .tpm, kind: .strengths,
    title: "When a Technical Product Manager Stands Out Over Business Product Manager",
    blocks: [
      .labelledList([
        LabelledItem(
          label: "Mitigating Technical Risks",
          text:
            "Technical Product Managers are equipped to foresee technical challenges and implement preventive measures, thus minimizing risks and ensuring smooth project progression."
        ),
        LabelledItem(
          label: "Innovative Technology Usage",
          text:
            "The understanding and integration of the latest technologies can be a game changer, and Technical Product Managers excel at leveraging these advancements to enhance product capabilities."
        ),
        LabelledItem(
          label: "Solving Complex Technical Problems",
          text:
            "They quickly understand and troubleshoot complex technical issues, which can save the company time and resources during product development."
        ),
        LabelledItem(
          label: "Building Scalable Products",
          text:
            "Their technical skills are crucial in envisioning and fostering scalable product architectures that can grow and evolve without losing performance or quality."
        ),
        LabelledItem(
          label: "Enhancing User Interface and Experience",
          text:
            "With a deep knowledge of technical constraints and possibilities, Technical Product Managers are integral in developing interfaces that are both powerful and user-friendly."
        ),
        LabelledItem(
          label: "Data Security and Compliance",
          text:
            "Their expertise ensures that the product adheres to necessary data security standards and regulatory requirements, protecting the company and its users."
        ),
      ])
    ])

  /// Six responsibilities, one statement for each role.
  ///
  /// The article opens each statement with the role's name, five of them garbled ("Technical
  /// Product Bill", …); the model keeps the role by identity (the `business` and `technical`
  /// fields) and drops those prefixes.
  static let rolesAndResponsibilities = Section(
    id: "roles-and-responsibilities", paired: true,
    title: "Key Roles and Responsibilities Across Business and Technical Product Managers",
    blocks: [
      .articlePairedList([
        RoleRow(
          label: "Strategy Development",
          business:
            "They craft and refine the product’s business strategy, focusing on market expansion and customer base growth.",
          technical:
            "They formulate the technical strategy, ensuring it aligns with the overall business goals while addressing technical challenges."
        ),
        RoleRow(
          label: "Team Coordination",
          business:
            "Leads cross-departmental teams to align product initiatives with market needs and company objectives.",
          technical:
            "Coordinates with engineering teams to ensure the technical development of the product stays on track and meets all specifications."
        ),
        RoleRow(
          label: "Performance Metrics",
          business:
            "Tracks and analyzes market performance data to gauge the success of the product and guide future developments.",
          technical:
            "Focuses on technical metrics like system performance, bug tracking, and feature usage to refine product quality."
        ),
        RoleRow(
          label: "Customer Interaction",
          business:
            "Often engages with customers and clients to gather feedback and understand their needs to inform product adjustments.",
          technical:
            "While less involved in direct customer interactions, they need to understand customer feedback to tweak technical aspects of the product."
        ),
        RoleRow(
          label: "Innovation Management",
          business:
            "Pushes the envelope by seeking out and implementing innovative marketing and product development techniques.",
          technical:
            "Drives innovation in the product’s technical design and functionality, ensuring state-of-the-art technology integration."
        ),
        RoleRow(
          label: "Resource Allocation",
          business:
            "Manages the budget and resources for market research, promotional activities, and product launch campaigns.",
          technical:
            "Allocates technical resources, tools, and teams to optimize development processes and product outcomes."
        ),
      ])
    ])

  /// A heading over one subsection per role.
  static let trainingAndEducation = Section(
    id: "training-and-education",
    title: "The Training and Educational Paths for Both Roles",
    blocks: [],
    subsections: [businessEducation, technicalEducation])

  /// How business product managers are trained.
  static let businessEducation = Section(
    id: "business-education",
    title: "Business Product Manager: Education and Training",
    blocks: [
      .paragraph(
        "Business Product Managers often come from diverse academic backgrounds, including business administration, marketing, or economics. Many of them hold an MBA or similar advanced degree, which prepares them with the necessary skills in strategic thinking, financial management, and customer relationship management. Beyond formal education, these managers frequently engage in ongoing professional development courses in new market analysis techniques, digital marketing trends, and product management certification programs. This continual learning helps them stay ahead in the fast-paced market."
      ),
      .paragraph(
        "In addition to formal education, practical experience plays a crucial role. Internships in product management or marketing departments are common starting points that provide exposure to product lifecycle management, competitor analysis, and market research. These experiences are vital as they equip individuals with an understanding of customer needs and the dynamics of the market forces."
      ),
    ])

  /// How technical product managers are trained.
  static let technicalEducation = Section(
    id: "technical-education",
    title: "Technical Product Manager: Education and Training",
    blocks: [
      .paragraph(
        "Technical Product Managers are usually required to have a strong educational background in technology-related fields, such as computer science, engineering, or information technology. Many hold advanced degrees that focus on areas like software development, data analytics, or systems engineering. This technical education is crucial as it provides the foundational knowledge needed to understand complex product development cycles and technical challenges."
      ),
      .paragraph(
        "Post-education, certifications in various technical domains, including Agile methodologies, project management (e.g., PMP), and specific software technologies (like AWS or Microsoft certifications), are common. These certifications help in staying current with technological advancements and methodologies. Hands-on experience in software development, system architecture, or a similar technical role is imperative to effectively manage the technical direction and innovation of a product."
      ),
    ])

  /// A heading over one subsection per role.
  static let dailyTasks = Section(
    id: "daily-tasks",
    title: "Daily Tasks and Decision-Making Processes",
    blocks: [],
    subsections: [businessDailyWork, technicalDailyWork])

  /// A business product manager's day.
  static let businessDailyWork = Section(
    id: "business-daily-work",
    title: "Day-to-Day Responsibilities of a Business Product Manager",
    blocks: [
      .paragraph(
        "A typical day for a Business Product Manager might involve a mix of strategic meetings, data analysis, and market research. They frequently review market data and consumer feedback to adjust strategies accordingly. Collaboration is a significant part of their day, engaging with marketing to align on promotional strategies or with sales teams to understand and react to customer purchasing patterns. These tasks require a high level of analytical skills and the ability to make decisions that will potentially impact the market positioning of the product."
      ),
      .paragraph(
        "They also spend time developing and refining business cases for new product features, involving detailed revenue projections and market entry strategies. Their day is heavily involved in planning and executing, ensuring that every product move aligns with broader business goals and consumer expectations."
      ),
    ])

  /// A technical product manager's day.
  static let technicalDailyWork = Section(
    id: "technical-daily-work",
    title: "Day-to-Day Responsibilities of a Technical Product Manager",
    blocks: [
      .paragraph(
        "Technical Product Managers start their day reviewing development updates and addressing any technical challenges presented by the engineering teams. Much of their time is dedicated to working closely with developers, conducting code reviews, or updating technical project timelines. Their deep understanding of the tech involved allows them to make quick decisions on software tweaks or architecture changes crucial for maintaining product integrity and timeline."
      ),
      .paragraph(
        "Besides direct product development, they also allocate time for researching new technologies that can be leveraged to improve the product functionalities. This role requires a balance between deep technical expertise and the management skills to keep projects on track and within budget, often juggling multiple priorities to align technical developments with company objectives."
      ),
    ])

  /// Whom each role works with and what it shapes.
  static let strategicInfluence = Section(
    id: "strategic-influence",
    title: "Strategic Influence and Collaboration",
    blocks: [
      .paragraph(
        "Both roles require collaboration with various teams but differ in focus and influence. Business Product Managers often spearhead cross-functional teams, bringing together marketing, finance, and operations to drive the product’s commercial success. They shape the product’s market strategies, influencing the product direction significantly."
      ),
      .paragraph(
        "On the other hand, Technical Product Manager’s collaboration is primarily with subsets of the engineering and product teams. They influence the technical strategies and developments, ensuring the product delivers on its promised capabilities and adheres to technical standards. Their decisions directly impact the product’s design, usability, and innovation in technology use."
      ),
    ])

  /// Eight questions and answers.
  static let faq = Section(
    id: "faq",
    title: "FAQs",
    blocks: [
      .faq([
        FAQEntry(
          question: "What qualifications are essential for becoming a Technical Product Manager?",
          answer:
            "Technical Product Managers typically require a background in computer science, engineering, or a similar technical field. They often possess advanced degrees or certifications in software development, project management, or other technical areas. Practical experience in technical roles, such as software development or system architecture, is also highly beneficial."
        ),
        FAQEntry(
          question: "How can a Business Product Manager influence product pricing?",
          answer:
            "Business Product Managers analyze market trends, competitor pricing, and customer feedback to recommend strategic pricing models. Their understanding of the market and customer needs enables them to align pricing strategies with business goals, maximizing profitability while staying competitive."
        ),
        FAQEntry(
          question:
            "What tools are essential for Technical Product Managers to perform their duties effectively?",
          answer:
            "Technical Product Managers often rely on tools such as JIRA for project management, GitHub for code repository, and technical roadmapping tools to plan and monitor product development stages. They also use data analytics platforms to analyze technical performance metrics."
        ),
        FAQEntry(
          question: "How do both types of product managers handle competitive pressures?",
          answer:
            "Business Product Managers handle competitive pressures by identifying key market trends and adjusting product strategies to maintain an edge. Conversely, Technical Product Managers focus on leveraging the latest technologies and enhancing product features to stay ahead of competitors technically."
        ),
        FAQEntry(
          question: "What are the career progression opportunities for a Business Product Manager?",
          answer:
            "Career progression for a Business Product Manager can involve moving into higher leadership roles such as Director of Product Management or VP of Product. They might also transition into general management or C-level roles, especially in product-driven companies."
        ),
        FAQEntry(
          question:
            "How do Technical Product Managers stay updated with technological advancements?",
          answer:
            "Technical Product Managers stay updated by attending tech conferences, participating in workshops, and undergoing continuous learning through certification courses in emerging technologies and project management methodologies."
        ),
        FAQEntry(
          question: "How does a Technical Product Manager ensure product usability?",
          answer:
            "A Technical Product Manager ensures product usability by collaborating with UX/UI designers and conducting user testing sessions to gather feedback. They focus on refining product features based on technical feedback and user interactions to enhance usability."
        ),
        FAQEntry(
          question:
            "What are the challenges faced by a Business Product Manager in a tech-driven industry?",
          answer:
            "In a tech-driven industry, Business Product Managers may struggle with the rapid pace of technology changes and the need to quickly adapt market strategies. They might face challenges in communicating effectively with highly technical teams and understanding the deeper technical aspects of product development."
        ),
      ])
    ])

  /// The closing paragraph, then the fourteen-row comparison table.
  static let summary = Section(
    id: "summary",
    title: "Business Product Manager vs Technical Product Manager Summary",
    blocks: [
      .paragraph(
        "Understanding the distinctions and overlapping roles of Business Product Managers and Technical Product Managers is crucial when aligning product development with market needs and technical possibilities. While Business Product Managers focus on strategic market positioning and customer insights to drive product success, Technical Product Managers concentrate on the technical challenges and solutions that ensure high product quality and relevance in the market. Both roles require a unique set of skills and approaches, but together they contribute significantly to the holistic success and competitiveness of products in dynamic markets."
      ),
      .articleTable(
        RoleTable(
          aspectHeader: "Aspect",
          rows: [
            RoleRow(
              label: "Focus",
              business: "Concentrates on market needs, customer demands, and business goals.",
              technical:
                "Concentrates on technical specifications, product functionality, and alignment with technical standards."
            ),
            RoleRow(
              label: "Skills Required",
              business: "Strong in market analysis, strategic planning, and customer insight.",
              technical:
                "Strong in software development, technical problem-solving, and technical design."),
            RoleRow(
              label: "Interactions",
              business: "Works with marketing, sales, and customer support teams.",
              technical: "Collaborates closely with engineering and IT departments."),
            RoleRow(
              label: "Primary Goals",
              business: "Increase product market share and profitability.",
              technical: "Ensure product feasibility, usability, and technical excellence."),
            RoleRow(
              label: "Common Challenges",
              business: "Identifying market trends, meeting customer expectations.",
              technical: "Addressing technical issues, aligning technology with user needs."),
            RoleRow(
              label: "Outcome Responsibility",
              business:
                "Accountable for business-related product KPIs such as sales volume and market penetration.",
              technical:
                "Responsible for technical milestones and ensuring product meets technical requirements."
            ),
            RoleRow(
              label: "Tools Utilized",
              business: "Uses CRM, data analytics, and project management tools.",
              technical:
                "Uses technical tools like JIRA, GitHub, and technical roadmapping software."),
            RoleRow(
              label: "Training and Background",
              business:
                "Often have backgrounds in business, marketing, or economics. May hold an MBA.",
              technical:
                "Typically have a technical background in fields like computer science or engineering."
            ),
            RoleRow(
              label: "Advantages Over the Other",
              business:
                "Better understanding of market trends and customer needs, leading to products that fulfill market demands and drive revenue.",
              technical:
                "Strong technical expertise allows for precise technical planning and quality assurance, ensuring the product’s technical integrity and innovation."
            ),
            RoleRow(
              label: "Disadvantages Compared to the Other",
              business:
                "May lack technical depth, which can hinder communication with engineering teams and lead to misaligned product features.",
              technical:
                "Might lack insight into broader market demands and strategic business alignment, potentially resulting in over-engineered products."
            ),
            RoleRow(
              label: "Necessity for Collaboration",
              business:
                "Requires consistent collaboration across several departments to align product features with market demands and business strategies.",
              technical:
                "Primarily collaborates with technical staff to align product specifications with technical standards and advancements."
            ),
            RoleRow(
              label: "Impact on Product Cycle",
              business:
                "Influential in defining the product vision and strategy, impacting the market reach and customer engagement.",
              technical:
                "Crucial in defining technical specifications and ensuring the product is technically viable and advanced."
            ),
            RoleRow(
              label: "Market Adaptability",
              business:
                "Quick to pivot strategies in response to changing market conditions to capitalize on new opportunities.",
              technical:
                "Stays updated with the latest technologies, ensuring the product remains relevant and competitive."
            ),
            RoleRow(
              label: "Vision and Strategic Influence",
              business:
                "Drives the strategic direction of the product to enhance its market presence and profitability.",
              technical:
                "Influences the technical direction and innovation of the product, focusing on functionality and advanced technical solutions."
            ),
          ])),
    ])

  // MARK: - Chart data

  /// Editorial data for the four charts.
  ///
  /// The focus scores are ratings read from the article's wording, not measurements; the shared
  /// Venn traits are not typed here (the charts module reads them from the labels of
  /// `key-similarities`).
  static let charts = ChartData(
    specs: [
      ChartSpec(
        id: "focus-profile", kind: .radar,
        title: "Where each role puts its weight",
        caption: "Editorial ratings (0–5) derived from the article’s wording, not measured data: "
          + "the business role leans to market, customers and money, the technical role to "
          + "technology, engineering and quality.",
        section: "key-differences"),
      ChartSpec(
        id: "focus-difference", kind: .divergingBars,
        title: "How far apart the roles are",
        caption: "The gap between the two roles’ editorial ratings (0–5), derived from the "
          + "article’s wording; each bar points toward the role that puts more weight on the "
          + "dimension.",
        section: "key-differences"),
      ChartSpec(
        id: "overlap", kind: .venn,
        title: "What the roles share and what they do alone",
        caption: "The shared traits are the article’s key similarities; each side lists work "
          + "the article gives to that role only.",
        section: "key-similarities"),
      ChartSpec(
        id: "stakeholders", kind: .stakeholderMap,
        title: "Who each role works with",
        caption: "The teams the article names, linked to the role or roles it says work with them.",
        section: "strategic-influence"),
    ],
    focus: [
      // Advantages "Market Insight" vs disadvantage "Market Insight Gaps".
      FocusDimension(label: "Market insight", business: 5, technical: 2),
      // Business "often engages with customers"; technical "less involved in direct customer
      // interactions" ("Limited Customer Interaction"), though it runs user testing.
      FocusDimension(label: "Customer interaction", business: 5, technical: 2),
      // Business excels in strategic planning; technical forms the technical strategy but
      // "might struggle with broader strategic planning". Both "think strategically".
      FocusDimension(label: "Strategic planning", business: 5, technical: 3),
      // "Financial Acumen", "Financial Planning and Reporting" vs keeping projects "within budget".
      FocusDimension(label: "Financial acumen", business: 5, technical: 2),
      // "Technical Expertise" vs "Technical Limitations" (may lack deep technical expertise).
      FocusDimension(label: "Technical depth", business: 1, technical: 5),
      // Technical works "closely with developers"; business relies on technical teams and may
      // find communication with engineering teams hard.
      FocusDimension(label: "Engineering collaboration", business: 2, technical: 5),
      // "Quality Assurance" vs "Potential for Misalignment with Technical Quality".
      FocusDimension(label: "Quality and reliability", business: 2, technical: 5),
      // Both: "User-Centric Approach"; business "User-Centric Development", technical usability
      // and "Enhancing User Interface and Experience".
      FocusDimension(label: "User needs", business: 4, technical: 4),
    ],
    overlap: OverlapTraits(
      business: [
        "Market analysis",  // Skills; Market Insight
        "Pricing strategy",  // FAQ on product pricing
        "Customer advocacy",  // Customer Advocacy
        "Financial planning",  // Financial Acumen; Financial Planning and Reporting
        "Sales and marketing",  // Boosting Sales and Marketing
      ],
      technical: [
        "Technical roadmap",  // Main difference; Tools Utilized
        "Code reviews",  // Technical daily work
        "System architecture",  // Technical Expertise; Building Scalable Products
        "Quality assurance",  // Quality Assurance
        "Technical risk",  // Mitigating Technical Risks
      ],
      sharedSection: "key-similarities"),
    stakeholders: [
      // Interactions (list and table), Cross-functional Leadership, Strategic Influence,
      // the business daily work.
      StakeholderLink(team: "Marketing", roles: [.bpm]),
      StakeholderLink(team: "Sales", roles: [.bpm]),
      // Interactions (list and table).
      StakeholderLink(team: "Customer support", roles: [.bpm]),
      // Strategic Influence and Collaboration.
      StakeholderLink(team: "Finance", roles: [.bpm]),
      // Cross-functional Leadership; Strategic Influence and Collaboration.
      StakeholderLink(team: "Operations", roles: [.bpm]),
      // Collaboration (similarity): "management, development teams, and clients".
      StakeholderLink(team: "Management", roles: [.bpm, .tpm]),
      // Collaboration (similarity) names development teams for both; the technical role works
      // with developers daily (Interactions, daily work).
      StakeholderLink(team: "Developers", roles: [.bpm, .tpm]),
      // Interactions (list and table), Team Coordination, Strategic Influence and Collaboration.
      StakeholderLink(team: "Engineering", roles: [.tpm]),
      // Interactions (list: "IT staff"; table: "IT departments").
      StakeholderLink(team: "IT", roles: [.tpm]),
      // The usability FAQ.
      StakeholderLink(team: "UX/UI designers", roles: [.tpm]),
      // Collaboration (similarity: "clients"); business Customer Interaction; technical user
      // testing and customer feedback.
      StakeholderLink(team: "Clients and customers", roles: [.bpm, .tpm]),
    ])
}

// MARK: - Shorthands for the article's two roles

extension RoleID {
  fileprivate static let bpm: RoleID = "business"
  fileprivate static let tpm: RoleID = "technical"
}

extension RoleRow {
  fileprivate init(label: String, business: RichText, technical: RichText) {
    self.init(
      label: label,
      cells: [RoleCell(role: .bpm, text: business), RoleCell(role: .tpm, text: technical)])
  }
}

extension FocusDimension {
  fileprivate init(label: String, business: Double, technical: Double) {
    self.init(
      label: label,
      scores: [RoleScore(role: .bpm, score: business), RoleScore(role: .tpm, score: technical)])
  }
}

extension OverlapTraits {
  fileprivate init(business: [String], technical: [String], sharedSection: String) {
    self.init(
      distinct: [
        RoleTraits(role: .bpm, traits: business), RoleTraits(role: .tpm, traits: technical),
      ],
      sharedSection: sharedSection)
  }
}

/// The article's role tables: a paired list (set as labelled items) and the summary table.
extension ContentBlock {
  fileprivate static func articlePairedList(_ rows: [RoleRow]) -> ContentBlock {
    .roleTable(RoleTable(aspectHeader: "Aspect", columns: [.bpm, .tpm], rows: rows, paired: true))
  }
  fileprivate static func articleTable(_ table: RoleTable) -> ContentBlock { .roleTable(table) }
}

extension RoleTable {
  fileprivate init(aspectHeader: String, rows: [RoleRow]) {
    self.init(aspectHeader: aspectHeader, columns: [.bpm, .tpm], rows: rows)
  }
}
